import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Company, Contact, Page, Resource } from '../api/contract.ts';
import { allPages, useMe } from '../api/queries.ts';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Association, Team } from './admin-co-managed/co-managed-data.ts';
import { personName } from './admin-co-managed/co-managed-data.ts';

/**
 * The company page's sections, each read with the viewer's own API calls: a section the viewer
 * may not read (403/404, or co-management off) is left out, not shown as an error.
 */
export function CompanySections({ company }: { company: Company }) {
  const me = useMe();
  // Grants are answered (possibly empty) to everyone; only MSP staff and co-managing users may read them.
  const readsGrants = me.features.coManagedHelpDesk && (me.licence === 'full' || me.licence === 'co_managed');
  return (
    <>
      <ContactsSection companyId={company.id} />
      <SubsidiariesSection companyId={company.id} />
      {company.coManagedEnabled && readsGrants && <CoManagingSection companyId={company.id} />}
    </>
  );
}

const quiet = { retry: false } as const;

function ContactsSection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  const me = useMe();
  const contacts = useQuery({
    queryKey: ['company-page', companyId, 'contacts'],
    queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { companyId, limit: 100 }),
    ...quiet,
  });
  // Admins may give a contact without an account co-managed access; the users' contactId says who has one.
  const offersAccess = me.isAdmin && me.features.coManagedHelpDesk;
  const accounts = useQuery({
    queryKey: ['company-page', companyId, 'contact-accounts'],
    queryFn: () => allPages<Resource>('/api/v1/resources', { companyId: String(companyId) }),
    enabled: offersAccess,
    ...quiet,
  });
  const withAccount = accounts.data && new Set(accounts.data.map((person) => person.contactId));
  if (!contacts.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-contacts">
      <Title order={2} size="h4" id="company-contacts" mb="xs">
        {t('companyPage.contacts')}
      </Title>
      {contacts.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('companyPage.noContacts')}
        </Text>
      ) : (
        // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too (axe).
        <div tabIndex={0} role="group" aria-labelledby="company-contacts" style={{ overflowX: 'auto' }}>
          <Table striped miw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('companyPage.name')}</Table.Th>
                <Table.Th>{t('companyPage.jobTitle')}</Table.Th>
                <Table.Th>{t('companyPage.email')}</Table.Th>
                {withAccount && <Table.Th>{t('people.contacts.account')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.items.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>{personName(contact)}</Table.Td>
                  <Table.Td>{contact.title ?? '—'}</Table.Td>
                  <Table.Td>{contact.email ?? '—'}</Table.Td>
                  {withAccount && (
                    <Table.Td>
                      {withAccount.has(contact.id) ? (
                        t('people.contacts.hasAccount')
                      ) : (
                        <AnchorLink
                          to="/admin/co-managed/enable/$contactId"
                          params={{ contactId: String(contact.id) }}
                          aria-label={t('wizard.enableFor', { name: personName(contact) })}
                        >
                          {t('wizard.title')}
                        </AnchorLink>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

function SubsidiariesSection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  const subsidiaries = useQuery({
    queryKey: ['company-page', companyId, 'subsidiaries'],
    queryFn: () => api.get<Page<Company>>('/api/v1/companies', { parentCompanyId: companyId, limit: 100 }),
    ...quiet,
  });
  if (!subsidiaries.data || subsidiaries.data.items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-subsidiaries">
      <Title order={2} size="h4" id="company-subsidiaries" mb="xs">
        {t('companyPage.subsidiaries')}
      </Title>
      <List size="sm">
        {subsidiaries.data.items.map((row) => (
          <List.Item key={row.id}>
            <AnchorLink to="/companies/$companyId" params={{ companyId: String(row.id) }}>
              {row.name}
            </AnchorLink>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

function CoManagingSection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  const me = useMe();
  const grants = useQuery({
    queryKey: ['company-page', companyId, 'grants'],
    queryFn: () => api.get<Page<Association>>('/api/v1/co-managed/associations', { companyId, limit: 200 }),
    ...quiet,
  });
  const users = useQuery({
    queryKey: ['company-page', 'co-managing-users'],
    queryFn: () => api.get<Page<Resource>>('/api/v1/resources', { licenceType: 'co_managed', limit: 200 }),
    ...quiet,
  });
  const teams = useQuery({
    queryKey: ['company-page', 'co-managing-teams'],
    queryFn: () => api.get<Page<Team>>('/api/v1/co-managed/teams', { limit: 200 }),
    ...quiet,
  });
  if (!grants.data || !users.data) return null;
  const named = grants.data.items.flatMap((grant) => {
    if (grant.teamId !== null) {
      const team = teams.data?.items.find((row) => row.id === grant.teamId);
      return team ? [{ grant, label: `${t('coManagedAdmin.team')}: ${team.name}` }] : [];
    }
    const user = users.data.items.find((row) => row.id === grant.resourceId);
    return user ? [{ grant, label: personName(user) }] : [];
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-co-managing">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="company-co-managing">
          {t('companyPage.coManaging')}
        </Title>
        {me.isAdmin && (
          <AnchorLink to="/admin/co-managed" search={{ view: 'company', company: String(companyId) }}>
            {t('companyPage.manage')}
          </AnchorLink>
        )}
      </Group>
      {named.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('coManagedAdmin.noGrants')}
        </Text>
      ) : (
        <Stack gap={6}>
          {named.map(({ grant, label }) => (
            <Group key={grant.id} gap="xs">
              <Text size="sm">{label}</Text>
              {grant.isPrimary && (
                <Badge variant="light" color="violet" tt="none">
                  {t('coManagedAdmin.primary')}
                </Badge>
              )}
              {grant.includeSubsidiaries && (
                <Text size="xs" c="dimmed">
                  {t('coManagedAdmin.includeSubsidiaries')}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
