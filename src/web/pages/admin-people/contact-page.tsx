import { SimpleGrid, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Company, Contact, Page } from '../../api/contract.ts';
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
import { type ContactBody, peopleKeys } from './people-api.ts';

/**
 * /admin/contacts/$contactId ('new' to add one): a customer's person. The company is chosen once:
 * a contact stays with its company (the API refuses a move), so the form shows it read-only after.
 */
export function ContactPage() {
  const { contactId } = useParams({ from: '/app/admin/contacts/$contactId' });
  return (
    <AdminRecord<Contact>
      param={contactId}
      path="/api/v1/contacts"
      queryKey={peopleKeys.contact}
      editor={(contact) => <ContactEditor contact={contact} />}
    />
  );
}

const fields = ['companyId', 'firstName', 'lastName', 'email', 'phone', 'title', 'active'] as const;

function ContactEditor({ contact }: { contact: Contact | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const companies = useQuery({
    queryKey: [...peopleKeys.companies, 'names'],
    queryFn: () => api.get<Page<Company>>('/api/v1/companies', { limit: 200 }),
  });
  const [draft, setDraft] = useState({
    companyId: contact?.companyId ?? null,
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    title: contact?.title ?? '',
    active: contact?.active ?? true,
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const { save, formError } = useAdminSave<ContactBody, Contact>(
    {
      path: '/api/v1/contacts',
      id: contact?.id ?? null,
      body: () => {
        const details = {
          firstName: draft.firstName,
          lastName: draft.lastName,
          email: orNull(draft.email),
          phone: orNull(draft.phone),
          title: orNull(draft.title),
          active: draft.active,
        };
        // Without a company the API names the missing field, shown at the company picker.
        if (contact || draft.companyId === null) return details;
        return { ...details, companyId: draft.companyId };
      },
      // ['contacts'] holds the company page's contact lists and the ticket form's pickers.
      invalidate: [peopleKeys.contacts, ['contacts']],
      openAdded: (id) => navigate({ to: '/admin/contacts/$contactId', params: { contactId: String(id) } }),
    },
    fields,
  );
  const bind = draftBindings(draft, set, save.error);
  const companyOptions = (companies.data?.items ?? []).map((company) => ({
    value: String(company.id),
    label: company.name,
  }));
  const companyName = companyOptions.find((option) => option.value === String(draft.companyId))?.label;
  const fullName = `${draft.firstName} ${draft.lastName}`.trim();
  return (
    <Stack maw={760}>
      <AdminPageHeader
        title={contact ? `${contact.firstName} ${contact.lastName}` : t('people.contacts.new')}
        description={contact ? (companyName ?? '') : t('people.contacts.intro')}
        actions={
          contact && (
            <AnchorLink
              to="/admin/co-managed/enable/$contactId"
              params={{ contactId: String(contact.id) }}
              aria-label={t('people.contacts.enableFor', { name: fullName })}
            >
              {t('people.contacts.enable')}
            </AnchorLink>
          )
        }
      />
      <AdminForm save={save} formError={formError}>
        {contact ? (
          <TextInput label={t('people.company')} value={companyName ?? ''} readOnly />
        ) : (
          <Select
            label={t('people.company')}
            required
            data={companyOptions}
            value={draft.companyId === null ? null : String(draft.companyId)}
            onChange={(value) => set({ companyId: value === null ? null : Number(value) })}
            searchable
            error={fieldError(save.error, 'companyId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('people.resources.firstName')} required {...bind.text('firstName')} />
          <TextInput label={t('people.resources.lastName')} required {...bind.text('lastName')} />
        </SimpleGrid>
        <TextInput label={t('people.contacts.jobTitle')} {...bind.text('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('people.email')} inputMode="email" {...bind.text('email')} />
          <TextInput label={t('people.phone')} type="tel" {...bind.text('phone')} />
        </SimpleGrid>
        <Switch label={t('people.active')} {...bind.toggle('active')} />
      </AdminForm>
    </Stack>
  );
}
