import {
  SimpleGrid,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Company, Contact, Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, fieldError, FormError } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { type ContactBody, peopleKeys } from './people-api.ts';
import { usePeopleSave } from './use-people-save.ts';

/**
 * /admin/contacts/$contactId ('new' to add one): a customer's person. The company is chosen once:
 * a contact stays with its company (the API refuses a move), so the form shows it read-only after.
 */
export function ContactPage() {
  const { contactId } = useParams({ from: '/app/admin/contacts/$contactId' });
  const me = useMe();
  const id = contactId === 'new' ? null : Number(contactId);
  const contact = useQuery({
    queryKey: peopleKeys.contact(id ?? 0),
    queryFn: () => api.get<Contact>(`/api/v1/contacts/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || contact.isError) return <NotFoundPage />;
  if (id !== null && !contact.data) return <Loader />;
  return <ContactEditor key={contact.data?.id ?? 'new'} contact={contact.data ?? null} />;
}

const fields = ['companyId', 'firstName', 'lastName', 'email', 'phone', 'title', 'active'] as const;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

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
  const { save, formError } = usePeopleSave<ContactBody, Contact>(
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
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
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
            </SimpleGrid>
            <TextInput
              label={t('people.contacts.jobTitle')}
              value={draft.title}
              onChange={(event) => set({ title: event.currentTarget.value })}
              error={fieldError(save.error, 'title')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('people.email')}
                inputMode="email"
                value={draft.email}
                onChange={(event) => set({ email: event.currentTarget.value })}
                error={fieldError(save.error, 'email')}
              />
              <TextInput
                label={t('people.phone')}
                type="tel"
                value={draft.phone}
                onChange={(event) => set({ phone: event.currentTarget.value })}
                error={fieldError(save.error, 'phone')}
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
