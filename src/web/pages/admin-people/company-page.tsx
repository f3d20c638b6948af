import { Alert, NativeSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { companyTypes, internalHelpdeskSharingModes } from '../../../shared/access-vocabulary.ts';
import { api } from '../../api/client.ts';
import type { Company, Page } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import {
  AdminForm,
  AdminPageHeader,
  draftBindings,
  fieldError,
  orNull,
  useAdminSave,
} from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AdminRecord } from './admin-record.tsx';
import { type CompanyBody, peopleKeys } from './people-api.ts';

/**
 * /admin/companies/$companyId ('new' to add one): name, type, parent company, co-management,
 * how a Taskfire-style family shares, contact details, active. Who may see the company follows
 * from here, so the co-management switch says what it does before it is saved.
 */
export function CompanyPage() {
  const { companyId } = useParams({ from: '/app/admin/companies/$companyId' });
  return (
    <AdminRecord<Company>
      param={companyId}
      path="/api/v1/companies"
      queryKey={peopleKeys.company}
      editor={(company) => <CompanyEditor company={company} />}
    />
  );
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
  const { save, formError } = useAdminSave<CompanyBody, Company>(
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
  const bind = draftBindings(draft, set, save.error);
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
      <AdminForm save={save} formError={formError}>
        <TextInput label={t('people.name')} required {...bind.text('name')} />
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
          {...bind.toggle('coManagedEnabled')}
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
          <TextInput label={t('people.phone')} type="tel" {...bind.text('phone')} />
          <TextInput label={t('people.companies.website')} inputMode="url" {...bind.text('website')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('people.companies.city')} {...bind.text('city')} />
          <TextInput
            label={t('people.companies.country')}
            description={t('people.companies.countryHint')}
            maxLength={2}
            {...bind.text('countryCode')}
          />
        </SimpleGrid>
        <Switch label={t('people.active')} {...bind.toggle('active')} />
      </AdminForm>
    </Stack>
  );
}
