import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, FormError, PrefixHint } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { CategoryLayoutEditor } from './category-layout-editor.tsx';
import { ConfigBadges } from './config-badges.tsx';
import { DeleteConfigButton } from './delete-config-button.tsx';
import { configFieldError, isFieldRefusal } from './config-field-error.ts';
import { ConfigFieldInput } from './config-field-input.tsx';
import { type ConfigKind, type ConfigRow, configKind } from './config-kinds.ts';
import { bodyOf, draftOf, editedKeys } from './config-draft.ts';
import { QueueMembers } from './queue-members.tsx';
import { SubIssueTypes } from './sub-issue-types.tsx';
import { readableErrors } from './readable-errors.ts';
import { notifySaved } from './notify-saved.ts';

/** /admin/config/$kind/$id ('new' to add one): the generic form, plus a table's dedicated pieces. */
export function ConfigFormPage() {
  const { kind: slug, id } = useParams({ from: '/app/admin/config/$kind/$id' });
  const { t } = useI18n();
  const me = useMe();
  const kind = configKind(slug);
  const rowId = id === 'new' ? null : Number(id);
  const row = useQuery({
    queryKey: [...(kind?.queryKey ?? ['config']), 'row', rowId],
    queryFn: () => api.get<ConfigRow>(`${kind?.path ?? ''}/${rowId}`),
    enabled: me.isAdmin && kind !== undefined && rowId !== null && Number.isInteger(rowId),
  });
  if (!me.isAdmin || !kind || (rowId !== null && (!Number.isInteger(rowId) || row.isError))) {
    return <NotFoundPage />;
  }
  if (rowId !== null && !row.data) return <Loader role="status" aria-label={t('app.loading')} />;
  return <ConfigForm key={`${kind.slug}:${rowId ?? 'new'}`} kind={kind} row={row.data ?? null} />;
}

function ConfigForm({ kind, row }: { kind: ConfigKind; row: ConfigRow | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The draft belongs to one version of the row: after a save it starts again from the answer.
  const [edits, setEdits] = useState<{ key: string; draft: Record<string, unknown> } | null>(null);
  const versionKey = JSON.stringify(row);
  const draft = edits?.key === versionKey ? edits.draft : draftOf(kind, row);
  const setField = (key: string, value: unknown) =>
    setEdits({ key: versionKey, draft: { ...draft, [key]: value } });
  const body = bodyOf(kind, row, draft);
  const save = useMutation({
    mutationFn: () =>
      row === null
        ? api.post<ConfigRow>(kind.path, body)
        : api.patch<ConfigRow>(`${kind.path}/${row.id}`, body),
    onSuccess: async (saved) => {
      notifySaved(t('config.saved', { name: saved.name }), t('config.close'));
      await queryClient.invalidateQueries({ queryKey: kind.queryKey });
      if (row === null) {
        await navigate({ to: '/admin/config/$kind/$id', params: { kind: kind.slug, id: String(saved.id) } });
      }
    },
  });
  const canEdit = row === null || row.abilities.edit;
  const name = typeof draft.name === 'string' ? draft.name : '';
  const title = row === null ? t('config.newOf', { kind: t(kind.title) }) : row.name;
  const fieldKeys = editedKeys(kind);
  const protectedReason = row ? kind.protectedReason?.(row) : null;
  const lockedText = (field: string) => {
    const reason = row ? kind.lockedReason?.(row, field) : null;
    return reason ? t(reason) : null;
  };
  return (
    <Stack maw={960} style={readableErrors}>
      <AdminPageHeader
        title={title}
        description={
          <AnchorLink to="/admin/config/$kind" params={{ kind: kind.slug }}>
            ← {t('config.backTo', { kind: t(kind.title) })}
          </AnchorLink>
        }
        actions={
          row?.abilities.delete ? (
            <DeleteConfigButton
              path={`${kind.path}/${row.id}`}
              name={row.name}
              onDeleted={async () => {
                await queryClient.invalidateQueries({ queryKey: kind.queryKey });
                await navigate({ to: '/admin/config/$kind', params: { kind: kind.slug } });
              }}
            />
          ) : undefined
        }
      />
      {row && <ConfigBadges kind={kind} row={row} />}
      {protectedReason && (
        <Alert color="gray" variant="light" title={t('config.protected')}>
          {t(protectedReason)}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <form
          aria-label={title}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            {kind.fields.map((spec) => (
              <Stack key={spec.key} gap={4}>
                <ConfigFieldInput
                  spec={spec}
                  value={draft[spec.key]}
                  onChange={(value) => setField(spec.key, value)}
                  error={configFieldError(save.error, spec.key)}
                  locked={lockedText(spec.key)}
                />
                {spec.key === 'name' && kind.isForSetUp?.(draft) && (
                  <PrefixHint name={name} onApply={(named) => setField('name', named)} />
                )}
              </Stack>
            ))}
            {kind.extra === 'categoryLayout' && (
              <CategoryLayoutEditor
                draft={draft}
                onChange={(key, value) => setField(key, value)}
                error={save.error}
              />
            )}
            {save.isError && !isFieldRefusal(save.error, fieldKeys) && <FormError error={save.error} />}
            {!canEdit && <Text c="dimmed">{t('config.readOnly')}</Text>}
            <Group>
              <Button
                type="submit"
                loading={save.isPending}
                disabled={!canEdit || (row !== null && Object.keys(body).length === 0)}
              >
                {row === null ? t('config.create') : t('config.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {row && kind.extra === 'queueMembers' && <QueueMembers queueId={row.id} />}
      {row && kind.extra === 'subIssueTypes' && <SubIssueTypes issueTypeId={row.id} />}
    </Stack>
  );
}
