import { SimpleGrid, Button, Group, Loader, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, fieldError, FormError, PrefixHint } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { peopleKeys, type Role, type RoleBody } from './people-api.ts';
import { usePeopleSave } from './use-people-save.ts';

/** /admin/roles/$roleId ('new' to add one): name, the rate it bills, what an hour costs, active. */
export function RolePage() {
  const { roleId } = useParams({ from: '/app/admin/roles/$roleId' });
  const me = useMe();
  const id = roleId === 'new' ? null : Number(roleId);
  const role = useQuery({
    queryKey: peopleKeys.role(id ?? 0),
    queryFn: () => api.get<Role>(`/api/v1/roles/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || role.isError) return <NotFoundPage />;
  if (id !== null && !role.data) return <Loader />;
  return <RoleEditor key={role.data?.id ?? 'new'} role={role.data ?? null} />;
}

const fields = ['name', 'hourlyRate', 'internalCost', 'active'] as const;

function RoleEditor({ role }: { role: Role | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({
    name: role?.name ?? '',
    hourlyRate: role?.hourlyRate ?? '',
    internalCost: role?.internalCost ?? '',
    active: role?.active ?? true,
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const { save, formError } = usePeopleSave<RoleBody, Role>(
    {
      path: '/api/v1/roles',
      id: role?.id ?? null,
      // An empty amount is left out: the API wants both amounts or neither, and says so at the field.
      body: () => ({
        name: draft.name,
        active: draft.active,
        ...(draft.hourlyRate.trim() ? { hourlyRate: draft.hourlyRate.trim() } : {}),
        ...(draft.internalCost.trim() ? { internalCost: draft.internalCost.trim() } : {}),
      }),
      invalidate: [peopleKeys.roles],
      openAdded: (id) => navigate({ to: '/admin/roles/$roleId', params: { roleId: String(id) } }),
    },
    fields,
  );
  return (
    <Stack maw={720}>
      <AdminPageHeader title={role?.name ?? t('people.roles.new')} description={t('people.roles.intro')} />
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('people.name')}
              required
              value={draft.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={fieldError(save.error, 'name')}
            />
            {!role && <PrefixHint name={draft.name} onApply={(name) => set({ name })} />}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('people.roles.hourlyRate')}
                description={t('people.roles.amountHint')}
                inputMode="decimal"
                value={draft.hourlyRate}
                onChange={(event) => set({ hourlyRate: event.currentTarget.value })}
                error={fieldError(save.error, 'hourlyRate')}
              />
              <TextInput
                label={t('people.roles.internalCost')}
                description={t('people.roles.costHint')}
                inputMode="decimal"
                value={draft.internalCost}
                onChange={(event) => set({ internalCost: event.currentTarget.value })}
                error={fieldError(save.error, 'internalCost')}
              />
            </SimpleGrid>
            <Switch
              label={t('people.active')}
              checked={draft.active}
              onChange={(event) => set({ active: event.currentTarget.checked })}
              error={fieldError(save.error, 'active')}
            />
            <FormError error={formError} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('people.save')}
              </Button>
              {save.isSuccess && <Text role="status">{t('people.saved')}</Text>}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
