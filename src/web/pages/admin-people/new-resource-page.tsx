import { NativeSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, SecurityLevel } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import {
  AdminForm,
  AdminPageHeader,
  draftBindings,
  fieldError,
  useAdminSave,
} from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StaffPlacementFields } from './staff-placement-fields.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { peopleKeys, type Resource, type ResourceBody } from './people-api.ts';

const fields = [
  'firstName',
  'lastName',
  'email',
  'password',
  'securityLevelId',
  'departmentId',
  'locationId',
  'roleIds',
  'locale',
] as const;

const byName = (rows: readonly { id: number; name: string }[] | undefined) =>
  (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));

/**
 * /admin/resources/new: an account for the MSP's own staff (licence "full"), with the level,
 * department, location and roles they work with. Customer-side people get theirs through the
 * "Enable co-managed access" wizard from their contact; the API refuses them here and says so.
 */
export function NewResourcePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const levels = useQuery({
    queryKey: [...peopleKeys.levels, 'all'],
    queryFn: () => api.get<Page<SecurityLevel>>('/api/v1/security-levels', { limit: 200 }),
    enabled: me.isAdmin,
  });
  const [draft, setDraft] = useState({
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    securityLevelId: null as number | null,
    departmentId: null as number | null,
    locationId: null as number | null,
    roleIds: [] as number[],
    locale: 'en' as 'en' | 'de',
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const { save, formError } = useAdminSave<ResourceBody, Resource>(
    {
      path: '/api/v1/resources',
      id: null,
      // A level left empty is the API's to refuse, at the level's field.
      body: () => ({ ...draft, licenceType: 'full', securityLevelId: draft.securityLevelId ?? 0 }),
      invalidate: [peopleKeys.resources],
      openAdded: (id) => navigate({ to: '/admin/resources/$resourceId', params: { resourceId: String(id) } }),
    },
    fields,
  );
  const bind = draftBindings(draft, set, save.error);
  if (!me.isAdmin) return <NotFoundPage />;
  const staffLevels = (levels.data?.items ?? []).filter((level) => level.licenceType === 'full');
  const pick = (value: string | null) => (value === null ? null : Number(value));
  return (
    <Stack maw={760}>
      <AdminPageHeader title={t('people.resources.new')} description={t('people.resources.newIntro')} />
      <AdminForm save={save} formError={formError}>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('people.resources.firstName')} required {...bind.text('firstName')} />
          <TextInput label={t('people.resources.lastName')} required {...bind.text('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('people.email')} required inputMode="email" {...bind.text('email')} />
          <PasswordInput
            label={t('people.resources.password')}
            description={t('people.resources.passwordHint')}
            required
            autoComplete="new-password"
            {...bind.text('password')}
          />
        </SimpleGrid>
        <Select
          label={t('people.resources.level')}
          required
          data={byName(staffLevels)}
          value={draft.securityLevelId === null ? null : String(draft.securityLevelId)}
          onChange={(value) => set({ securityLevelId: pick(value) })}
          error={fieldError(save.error, 'securityLevelId')}
        />
        <StaffPlacementFields value={draft} onChange={set} error={save.error} />
        <NativeSelect
          label={t('people.resources.language')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'de', label: 'Deutsch' },
          ]}
          value={draft.locale}
          onChange={(event) => set({ locale: event.currentTarget.value === 'de' ? 'de' : 'en' })}
          error={fieldError(save.error, 'locale')}
        />
      </AdminForm>
    </Stack>
  );
}
