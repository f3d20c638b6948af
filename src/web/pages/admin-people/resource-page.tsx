import { Button, Group, Loader, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, SecurityLevel } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import {
  AdminForm,
  AdminPageHeader,
  draftBindings,
  fieldError,
  FormError,
} from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StaffPlacementFields } from './staff-placement-fields.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { peopleKeys, type Resource } from './people-api.ts';

/**
 * /admin/resources/$resourceId: a user's name, security level (picked by name, levels of their
 * licence only) and active state; revoke sessions, reset the second factor. The API's refusals —
 * the last administrator (409 last_admin), your own admin access (422) — show at their field.
 */
export function ResourcePage() {
  const { resourceId } = useParams({ from: '/app/admin/resources/$resourceId' });
  const me = useMe();
  const id = Number(resourceId);
  const person = useQuery({
    queryKey: [...peopleKeys.resources, id],
    queryFn: () => api.get<Resource>(`/api/v1/resources/${id}`),
    enabled: me.isAdmin,
  });
  if (!me.isAdmin || person.isError) return <NotFoundPage />;
  if (!person.data) return <Loader />;
  return <ResourceEditor key={person.data.id} person={person.data} />;
}

function ResourceEditor({ person }: { person: Resource }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const levels = useQuery({
    queryKey: [...peopleKeys.levels, 'all'],
    queryFn: () => api.get<Page<SecurityLevel>>('/api/v1/security-levels', { limit: 200 }),
  });
  const [draft, setDraft] = useState({
    firstName: person.firstName,
    lastName: person.lastName,
    securityLevelId: person.securityLevelId,
    active: person.active,
    departmentId: person.departmentId,
    locationId: person.locationId,
    roleIds: person.roleIds,
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => api.patch<Resource>(`/api/v1/resources/${person.id}`, draft),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.resources }),
  });
  const bind = draftBindings(draft, set, save.error);
  const revoke = useMutation({
    mutationFn: () => api.post<{ revoked: number }>(`/api/v1/resources/${person.id}/revoke-sessions`),
  });
  const resetTwoFactor = useMutation({
    mutationFn: () => api.post(`/api/v1/resources/${person.id}/two-factor/reset`),
  });
  const fitting = (levels.data?.items ?? []).filter((level) => level.licenceType === person.licenceType);
  const atAField = [
    'firstName',
    'lastName',
    'securityLevelId',
    'active',
    'departmentId',
    'locationId',
    'roleIds',
  ].some((field) => fieldError(save.error, field));
  return (
    <Stack maw={720}>
      <AdminPageHeader
        title={`${person.firstName} ${person.lastName}`}
        description={`${person.email} · ${t(`admin.licence.${person.licenceType}`)}`}
      />
      <AdminForm save={save} formError={atAField ? null : save.error}>
        <Group grow wrap="wrap">
          <TextInput label={t('people.resources.firstName')} required {...bind.text('firstName')} />
          <TextInput label={t('people.resources.lastName')} required {...bind.text('lastName')} />
        </Group>
        <NativeSelect
          label={t('people.resources.level')}
          value={String(draft.securityLevelId)}
          onChange={(event) => set({ securityLevelId: Number(event.currentTarget.value) })}
          data={fitting.map((level) => ({ value: String(level.id), label: level.name }))}
          error={fieldError(save.error, 'securityLevelId')}
        />
        <StaffPlacementFields value={draft} onChange={set} error={save.error} />
        <Switch label={t('people.active')} {...bind.toggle('active')} />
      </AdminForm>
      <Group>
        <Button variant="default" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          {t('people.resources.revokeSessions')}
        </Button>
        <Button variant="default" loading={resetTwoFactor.isPending} onClick={() => resetTwoFactor.mutate()}>
          {t('people.resources.resetTwoFactor')}
        </Button>
        {revoke.data && (
          <Text role="status">{t('people.resources.revoked', { count: revoke.data.revoked })}</Text>
        )}
        {resetTwoFactor.isSuccess && <Text role="status">{t('people.resources.twoFactorReset')}</Text>}
      </Group>
      <FormError error={revoke.error ?? resetTwoFactor.error} />
    </Stack>
  );
}
