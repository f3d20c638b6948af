import { SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  AdminForm,
  AdminPageHeader,
  draftBindings,
  PrefixHint,
  useAdminSave,
} from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AdminRecord } from './admin-record.tsx';
import { peopleKeys, type Role, type RoleBody } from './people-api.ts';

/** /admin/roles/$roleId ('new' to add one): name, the rate it bills, what an hour costs, active. */
export function RolePage() {
  const { roleId } = useParams({ from: '/app/admin/roles/$roleId' });
  return (
    <AdminRecord<Role>
      param={roleId}
      path="/api/v1/roles"
      queryKey={peopleKeys.role}
      editor={(role) => <RoleEditor role={role} />}
    />
  );
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
  const { save, formError } = useAdminSave<RoleBody, Role>(
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
  const bind = draftBindings(draft, set, save.error);
  return (
    <Stack maw={720}>
      <AdminPageHeader title={role?.name ?? t('people.roles.new')} description={t('people.roles.intro')} />
      <AdminForm save={save} formError={formError}>
        <TextInput label={t('people.name')} required {...bind.text('name')} />
        {!role && <PrefixHint name={draft.name} onApply={(name) => set({ name })} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('people.roles.hourlyRate')}
            description={t('people.roles.amountHint')}
            inputMode="decimal"
            {...bind.text('hourlyRate')}
          />
          <TextInput
            label={t('people.roles.internalCost')}
            description={t('people.roles.costHint')}
            inputMode="decimal"
            {...bind.text('internalCost')}
          />
        </SimpleGrid>
        <Switch label={t('people.active')} {...bind.toggle('active')} />
      </AdminForm>
    </Stack>
  );
}
