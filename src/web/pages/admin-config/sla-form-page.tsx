import {
  Button,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Sla, SlaBody, SlaObjective } from '../../api/contract.ts';
import { referenceQueries, useMe } from '../../api/queries.ts';
import { AdminPageHeader, FormError } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { configFieldError, isFieldRefusal } from './config-field-error.ts';
import { DeleteConfigButton } from './delete-config-button.tsx';
import { SlaObjectivesEditor } from './sla-objectives-editor.tsx';
import { locationsQuery, slaQueryKey } from './sla-queries.ts';
import { readableErrors } from './readable-errors.ts';
import { notifySaved } from './notify-saved.ts';

interface Draft {
  name: string;
  description: string | null;
  locationId: number | null;
  isDefault: boolean;
  active: boolean;
  approachingPercent: number;
  pausedStatusIds: number[];
  objectives: SlaObjective[];
}

const fields = [
  'name',
  'description',
  'locationId',
  'isDefault',
  'active',
  'approachingPercent',
  'pausedStatusIds',
  'objectives',
];

function draftOf(sla: Sla | null): Draft {
  return sla
    ? {
        name: sla.name,
        description: sla.description,
        locationId: sla.locationId,
        isDefault: sla.isDefault,
        active: sla.active,
        approachingPercent: sla.approachingPercent,
        pausedStatusIds: sla.pausedStatusIds,
        objectives: sla.objectives as SlaObjective[],
      }
    : {
        name: '',
        description: null,
        locationId: null,
        isDefault: false,
        active: true,
        approachingPercent: 75,
        pausedStatusIds: [],
        objectives: [],
      };
}

/** /admin/config/slas/$slaId ('new' to add one): an SLA, its business hours and objectives per priority. */
export function SlaFormPage() {
  const { slaId } = useParams({ from: '/app/admin/config/slas/$slaId' });
  const { t } = useI18n();
  const me = useMe();
  const id = slaId === 'new' ? null : Number(slaId);
  const sla = useQuery({
    queryKey: [...slaQueryKey, 'row', id],
    queryFn: () => api.get<Sla>(`/api/v1/slas/${id}`),
    enabled: me.isAdmin && id !== null && Number.isInteger(id),
  });
  if (!me.isAdmin || (id !== null && (!Number.isInteger(id) || sla.isError))) return <NotFoundPage />;
  if (id !== null && !sla.data) return <Loader role="status" aria-label={t('app.loading')} />;
  return <SlaForm key={`${id ?? 'new'}:${sla.data?.updatedAt ?? ''}`} sla={sla.data ?? null} />;
}

function SlaForm({ sla }: { sla: Sla | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(sla));
  const locations = useQuery(locationsQuery).data ?? [];
  const statuses = useQuery(referenceQueries.statuses).data ?? [];
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...draft,
        name: draft.name.trim(),
        locationId: draft.locationId ?? 0,
      } satisfies SlaBody;
      return sla === null
        ? api.post<Sla>('/api/v1/slas', body)
        : api.patch<Sla>(`/api/v1/slas/${sla.id}`, body);
    },
    onSuccess: async (saved) => {
      notifySaved(t('config.saved', { name: saved.name }), t('config.close'));
      await queryClient.invalidateQueries({ queryKey: slaQueryKey });
      if (sla === null)
        await navigate({ to: '/admin/config/slas/$slaId', params: { slaId: String(saved.id) } });
    },
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const error = (field: string) => configFieldError(save.error, field);
  const title = sla?.name ?? t('config.sla.new');
  return (
    <Stack maw={960} style={readableErrors}>
      <AdminPageHeader
        title={title}
        description={
          <AnchorLink to="/admin/config/slas">
            ← {t('config.backTo', { kind: t('config.sla.title') })}
          </AnchorLink>
        }
        actions={
          sla ? (
            <DeleteConfigButton
              path={`/api/v1/slas/${sla.id}`}
              name={sla.name}
              onDeleted={async () => {
                await queryClient.invalidateQueries({ queryKey: slaQueryKey });
                await navigate({ to: '/admin/config/slas' });
              }}
            />
          ) : undefined
        }
      />
      <Paper withBorder p="md" radius="md">
        <form
          aria-label={title}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('config.field.name')}
              required
              value={draft.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={error('name')}
            />
            <Textarea
              label={t('config.field.description')}
              value={draft.description ?? ''}
              onChange={(event) =>
                set('description', event.currentTarget.value === '' ? null : event.currentTarget.value)
              }
              error={error('description')}
              autosize
              minRows={2}
            />
            <Select
              label={t('config.sla.location')}
              description={t('config.sla.locationHint')}
              required
              data={locations.map((location) => ({ value: String(location.id), label: location.name }))}
              value={draft.locationId === null ? null : String(draft.locationId)}
              onChange={(value) => set('locationId', value === null ? null : Number(value))}
              error={error('locationId')}
              searchable
              maw={360}
            />
            <Switch
              label={t('config.field.isDefault')}
              description={t('config.sla.defaultHint')}
              checked={draft.isDefault}
              onChange={(event) => set('isDefault', event.currentTarget.checked)}
              error={error('isDefault')}
            />
            <Switch
              label={t('config.field.active')}
              description={t('config.sla.activeHint')}
              checked={draft.active}
              onChange={(event) => set('active', event.currentTarget.checked)}
              error={error('active')}
            />
            <NumberInput
              label={t('config.sla.approaching')}
              description={t('config.sla.approachingHint')}
              value={draft.approachingPercent}
              onChange={(value) => set('approachingPercent', typeof value === 'number' ? value : 0)}
              min={1}
              max={99}
              suffix=" %"
              allowDecimal={false}
              error={error('approachingPercent')}
              maw={220}
            />
            <MultiSelect
              label={t('config.sla.paused')}
              description={t('config.sla.pausedHint')}
              data={statuses.map((status) => ({ value: String(status.id), label: status.name }))}
              value={draft.pausedStatusIds.map(String)}
              onChange={(value) => set('pausedStatusIds', value.map(Number))}
              error={error('pausedStatusIds')}
              clearable
            />
            <SlaObjectivesEditor
              value={draft.objectives}
              onChange={(next) => set('objectives', next)}
              error={error('objectives')}
            />
            {save.isError && !isFieldRefusal(save.error, fields) && <FormError error={save.error} />}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {sla === null ? t('config.create') : t('config.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
