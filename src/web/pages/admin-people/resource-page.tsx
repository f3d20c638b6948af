import { Button, Group, Loader, NativeSelect, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, SecurityLevel } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, fieldError, FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
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
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => api.patch<Resource>(`/api/v1/resources/${person.id}`, draft),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.resources }),
  });
  const revoke = useMutation({
    mutationFn: () => api.post<{ revoked: number }>(`/api/v1/resources/${person.id}/revoke-sessions`),
  });
  const resetTwoFactor = useMutation({
    mutationFn: () => api.post(`/api/v1/resources/${person.id}/two-factor/reset`),
  });
  const fitting = (levels.data?.items ?? []).filter((level) => level.licenceType === person.licenceType);
  const atAField = ['firstName', 'lastName', 'securityLevelId', 'active'].some((field) =>
    fieldError(save.error, field),
  );
  return (
    <Stack maw={720}>
      <AdminPageHeader
        title={`${person.firstName} ${person.lastName}`}
        description={`${person.email} · ${person.licenceType}`}
      />
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <Group grow wrap="wrap">
              <TextInput
                label={t('people.resources.firstName')}
                required
                value={draft.firstName}
                onChange={(event) => set({ firstName: event.currentTarget.value })}
                error={fieldError(save.error, 'firstName')}
              />
              <TextInput
                label={t('people.resources.lastName')}
                required
                value={draft.lastName}
                onChange={(event) => set({ lastName: event.currentTarget.value })}
                error={fieldError(save.error, 'lastName')}
              />
            </Group>
            <NativeSelect
              label={t('people.resources.level')}
              value={String(draft.securityLevelId)}
              onChange={(event) => set({ securityLevelId: Number(event.currentTarget.value) })}
              data={fitting.map((level) => ({ value: String(level.id), label: level.name }))}
              error={fieldError(save.error, 'securityLevelId')}
            />
            <Switch
              label={t('people.active')}
              checked={draft.active}
              onChange={(event) => set({ active: event.currentTarget.checked })}
              error={fieldError(save.error, 'active')}
            />
            <FormError error={atAField ? null : save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('people.save')}
              </Button>
              {save.isSuccess && <Text role="status">{t('people.saved')}</Text>}
            </Group>
          </Stack>
        </form>
      </Paper>
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
