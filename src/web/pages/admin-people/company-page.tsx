import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { companyTypes, internalHelpdeskSharingModes } from '../../../shared/access-vocabulary.ts';
import { api } from '../../api/client.ts';
import type { Company, Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminPageHeader, fieldError, FormError } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { type CompanyBody, peopleKeys } from './people-api.ts';
import { usePeopleSave } from './use-people-save.ts';

/**
 * /admin/companies/$companyId ('new' to add one): name, type, parent company, co-management,
 * how a Taskfire-style family shares, contact details, active. Who may see the company follows
 * from here, so the co-management switch says what it does before it is saved.
 */
export function CompanyPage() {
  const { companyId } = useParams({ from: '/app/admin/companies/$companyId' });
  const me = useMe();
  const id = companyId === 'new' ? null : Number(companyId);
  const company = useQuery({
    queryKey: peopleKeys.company(id ?? 0),
    queryFn: () => api.get<Company>(`/api/v1/companies/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || company.isError) return <NotFoundPage />;
  if (id !== null && !company.data) return <Loader />;
  return <CompanyEditor key={company.data?.id ?? 'new'} company={company.data ?? null} />;
}

const fields = [
  'name',
  'companyType',
  'parentCompanyId',
  'coManagedEnabled',
  'internalHelpdeskSharing',
  'phone',
  'website',
  'city',
  'countryCode',
  'active',
] as const;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function CompanyEditor({ company }: { company: Company | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const others = useQuery({
    queryKey: [...peopleKeys.companies, 'names'],
    queryFn: () => api.get<Page<Company>>('/api/v1/companies', { limit: 200 }),
  });
  const [draft, setDraft] = useState({
    name: company?.name ?? '',
    companyType: company?.companyType ?? 'customer',
    parentCompanyId: company?.parentCompanyId ?? null,
    coManagedEnabled: company?.coManagedEnabled ?? false,
    internalHelpdeskSharing: company?.internalHelpdeskSharing ?? 'none',
    phone: company?.phone ?? '',
    website: company?.website ?? '',
    city: company?.city ?? '',
    countryCode: company?.countryCode ?? '',
    active: company?.active ?? true,
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const { save, formError } = usePeopleSave<CompanyBody, Company>(
    {
      path: '/api/v1/companies',
      id: company?.id ?? null,
      body: () => ({
        ...draft,
        phone: orNull(draft.phone),
        website: orNull(draft.website),
        city: orNull(draft.city),
        countryCode: orNull(draft.countryCode.toUpperCase()),
      }),
      invalidate: [peopleKeys.companies, queryKeys.reference.companies, ['companies']],
      openAdded: (id) => navigate({ to: '/admin/companies/$companyId', params: { companyId: String(id) } }),
    },
    fields,
  );
  // A company cannot be its own parent; the API refuses a loop further down the tree too.
  const parents = (others.data?.items ?? [])
    .filter((other) => other.id !== company?.id)
    .map((other) => ({ value: String(other.id), label: other.name }));
  const switchingOff = company?.coManagedEnabled === true && !draft.coManagedEnabled;
  return (
    <Stack maw={760}>
      <AdminPageHeader
        title={company?.name ?? t('people.companies.new')}
        description={t('people.companies.formIntro')}
        actions={
          company && (
            <AnchorLink to="/companies/$companyId" params={{ companyId: String(company.id) }}>
              {t('people.companies.openPage')}
            </AnchorLink>
          )
        }
      />
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
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NativeSelect
                label={t('people.companies.type')}
                value={draft.companyType}
                onChange={(event) =>
                  set({ companyType: event.currentTarget.value as (typeof companyTypes)[number] })
                }
                data={companyTypes.map((type) => ({
                  value: type,
                  label: t(`people.companies.type.${type}`),
                }))}
                error={fieldError(save.error, 'companyType')}
              />
              <Select
                label={t('people.companies.parent')}
                placeholder={t('people.companies.noParent')}
                data={parents}
                value={draft.parentCompanyId === null ? null : String(draft.parentCompanyId)}
                onChange={(value) => set({ parentCompanyId: value === null ? null : Number(value) })}
                searchable
                clearable
                error={fieldError(save.error, 'parentCompanyId')}
              />
            </SimpleGrid>
            <Switch
              label={t('people.companies.coManaged')}
              description={t('people.companies.coManagedHint')}
              checked={draft.coManagedEnabled}
              onChange={(event) => set({ coManagedEnabled: event.currentTarget.checked })}
              error={fieldError(save.error, 'coManagedEnabled')}
            />
            {switchingOff && (
              <Alert color="yellow" variant="light" role="status">
                {t('people.companies.switchingOff')}
              </Alert>
            )}
            <NativeSelect
              label={t('people.companies.sharing')}
              description={t('people.companies.sharingHint')}
              value={draft.internalHelpdeskSharing}
              onChange={(event) =>
                set({
                  internalHelpdeskSharing: event.currentTarget
                    .value as (typeof internalHelpdeskSharingModes)[number],
                })
              }
              data={internalHelpdeskSharingModes.map((mode) => ({
                value: mode,
                label: t(`people.companies.sharing.${mode}`),
              }))}
              error={fieldError(save.error, 'internalHelpdeskSharing')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('people.phone')}
                type="tel"
                value={draft.phone}
                onChange={(event) => set({ phone: event.currentTarget.value })}
                error={fieldError(save.error, 'phone')}
              />
              <TextInput
                label={t('people.companies.website')}
                inputMode="url"
                value={draft.website}
                onChange={(event) => set({ website: event.currentTarget.value })}
                error={fieldError(save.error, 'website')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('people.companies.city')}
                value={draft.city}
                onChange={(event) => set({ city: event.currentTarget.value })}
                error={fieldError(save.error, 'city')}
              />
              <TextInput
                label={t('people.companies.country')}
                description={t('people.companies.countryHint')}
                maxLength={2}
                value={draft.countryCode}
                onChange={(event) => set({ countryCode: event.currentTarget.value })}
                error={fieldError(save.error, 'countryCode')}
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
