import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { SecurityLevel, SecurityLevelPatchBody } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LevelPreviewPanel } from '../../components/admin/level-preview-panel.tsx';
import { PermissionMatrixEditor } from '../../components/admin/permission-matrix.tsx';
import { TicketKindsEditor } from '../../components/admin/ticket-kinds-editor.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { securityLevelFlags } from '../../../shared/access-vocabulary.ts';
import { NotFoundPage } from '../not-found.tsx';
import { fieldError } from '../../api/field-errors.ts';

type Draft = Pick<SecurityLevel, 'name' | 'permissions' | 'flags' | 'ticketRestriction'>;

export function SecurityLevelPage() {
  const { t } = useI18n();
  const me = useMe();
  const { levelId } = useParams({ from: '/app/admin/security-levels/$levelId' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const level = useQuery({
    queryKey: ['security-levels', Number(levelId)],
    queryFn: () => api.get<SecurityLevel>(`/api/v1/security-levels/${levelId}`),
    enabled: me.isAdmin,
  });
  const [edits, setEdits] = useState<{ key: string; draft: Draft } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['security-levels'] });
  const save = useMutation({
    mutationFn: (body: SecurityLevelPatchBody) =>
      api.patch<SecurityLevel>(`/api/v1/security-levels/${levelId}`, body),
    onSuccess: refresh,
  });
  const copy = useMutation({
    mutationFn: (name: string) =>
      api.post<SecurityLevel>(`/api/v1/security-levels/${levelId}/copy`, { name }),
    onSuccess: async (copied) => {
      await refresh();
      await navigate({ to: '/admin/security-levels/$levelId', params: { levelId: String(copied.id) } });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/security-levels/${levelId}`),
    onSuccess: async () => {
      await refresh();
      await navigate({ to: '/admin/security-levels' });
    },
  });
  if (!me.isAdmin) return <NotFoundPage />;
  if (level.isError) return <NotFoundPage />;
  if (!level.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const data = level.data;
  // The draft belongs to one version of the level: a save or another level starts from the server's.
  const key = `${data.id}:${data.updatedAt}`;
  const draft: Draft =
    edits?.key === key
      ? edits.draft
      : {
          name: data.name,
          permissions: data.permissions,
          flags: data.flags,
          ticketRestriction: data.ticketRestriction,
        };
  const setDraft = (next: Draft) => setEdits({ key, draft: next });
  const readOnly = data.isSystem;
  const error = save.error ?? copy.error ?? remove.error;
  return (
    <Stack maw={1200}>
      <AnchorLink to="/admin/security-levels" size="sm">
        {t('admin.level.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              {data.name}
            </Title>
            <Badge variant="light" color={readOnly ? 'gray' : 'blue'} tt="none">
              {readOnly ? t('admin.levels.system') : t('admin.levels.copy')}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {t(`admin.licence.${data.licenceType}`)}
            {readOnly ? ` · ${t('admin.level.readOnly')}` : ''}
          </Text>
        </div>
        <Group>
          {readOnly ? (
            <Button
              loading={copy.isPending}
              onClick={() => copy.mutate(t('admin.level.copyName', { name: data.name }))}
            >
              {t('admin.level.copy')}
            </Button>
          ) : (
            <>
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('admin.level.delete')}
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate(draft)}>
                {t('admin.level.save')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {save.isSuccess && (
        <Text size="sm" c="green.8">
          {t('admin.act.saved')}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {!readOnly && (
              <TextInput
                label={t('admin.levels.name')}
                value={draft.name}
                error={fieldError(save.error, 'name')}
                onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              />
            )}
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="xs">
                {t('admin.level.permissions')}
              </Title>
              <PermissionMatrixEditor
                value={draft.permissions}
                readOnly={readOnly}
                onChange={(object, action, scope) =>
                  setDraft({
                    ...draft,
                    permissions: {
                      ...draft.permissions,
                      [object]: { ...draft.permissions[object], [action]: scope },
                    },
                  })
                }
              />
              {fieldError(save.error, 'permissions') && (
                <Text c="red" size="sm">
                  {fieldError(save.error, 'permissions')}
                </Text>
              )}
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="xs">
                {t('admin.level.flags')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {securityLevelFlags.map((flag) => (
                  <Checkbox
                    key={flag}
                    label={t(`admin.flag.${flag}`)}
                    checked={draft.flags[flag]}
                    disabled={readOnly}
                    onChange={(event) =>
                      setDraft({ ...draft, flags: { ...draft.flags, [flag]: event.currentTarget.checked } })
                    }
                  />
                ))}
              </SimpleGrid>
              {fieldError(save.error, 'flags') && (
                <Text c="red" size="sm">
                  {fieldError(save.error, 'flags')}
                </Text>
              )}
            </Paper>
            <TicketKindsEditor
              value={draft.ticketRestriction}
              readOnly={readOnly}
              error={fieldError(save.error, 'ticketRestriction')}
              onChange={(ticketRestriction) => setDraft({ ...draft, ticketRestriction })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <LevelPreviewPanel
            level={{
              licenceType: data.licenceType,
              permissions: draft.permissions,
              flags: draft.flags,
              ticketRestriction: draft.ticketRestriction,
            }}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
