import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Page, Ticket } from '../api/contract.ts';
import { fieldError } from '../api/field-errors.ts';
import { referenceQueries, useMe, useNames } from '../api/queries.ts';
import { FormError } from '../components/admin-kit/index.ts';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';

interface AccountTeam {
  items: { resourceId: number; name: string; role: string | null }[];
}

const quiet = { retry: false } as const;
const accountTeamKey = (companyId: number) => ['company-page', companyId, 'account-team'] as const;

// The company page's work: who at the MSP looks after the company, its open tickets and what
// happened lately. Each is the viewer's own API call, so each shows only what the viewer may read.

export function CompanyActivitySections({ companyId }: { companyId: number }) {
  return (
    <>
      <OpenTicketsSection companyId={companyId} />
      <RecentActivitySection companyId={companyId} />
    </>
  );
}

export function AccountTeamSection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const team = useQuery({
    queryKey: accountTeamKey(companyId),
    queryFn: () => api.get<AccountTeam>(`/api/v1/companies/${companyId}/account-team`),
    ...quiet,
  });
  if (!team.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-account-team">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="company-account-team">
          {t('companyWork.accountTeam')}
        </Title>
        {me.isAdmin && (
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('companyWork.editTeam')}
          </Button>
        )}
      </Group>
      {team.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('companyWork.noAccountTeam')}
        </Text>
      ) : (
        <Stack gap={4}>
          {team.data.items.map((member) => (
            <Text size="sm" key={member.resourceId}>
              {member.name}
              {member.role && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {member.role}
                </Text>
              )}
            </Text>
          ))}
        </Stack>
      )}
      {editing && (
        <AccountTeamEditor companyId={companyId} team={team.data} onClose={() => setEditing(false)} />
      )}
    </Paper>
  );
}

function AccountTeamEditor({
  companyId,
  team,
  onClose,
}: {
  companyId: number;
  team: AccountTeam;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const staff = (useQuery(referenceQueries.resources).data ?? []).filter(
    (person) => person.licenceType === 'full' && person.active,
  );
  const [members, setMembers] = useState(
    team.items.map((member) => ({ resourceId: String(member.resourceId), role: member.role ?? '' })),
  );
  const save = useMutation({
    mutationFn: () =>
      api.put<AccountTeam>(`/api/v1/companies/${companyId}/account-team`, {
        members: members
          .filter((member) => member.resourceId !== '')
          .map((member) => ({ resourceId: Number(member.resourceId), role: member.role.trim() || null })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountTeamKey(companyId), saved);
      onClose();
    },
  });
  const change = (index: number, patch: Partial<(typeof members)[number]>) =>
    setMembers((rows) => rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const options = staff.map((person) => ({
    value: String(person.id),
    label: `${person.firstName} ${person.lastName}`,
  }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('companyWork.editTeam')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('companyWork.cancel') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('companyWork.person')}</Table.Th>
                <Table.Th>{t('companyWork.role')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member, index) => {
                const row = index + 1;
                const name =
                  options.find((option) => option.value === member.resourceId)?.label ??
                  t('companyWork.personN', { n: row });
                return (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Select
                        aria-label={t('companyWork.personN', { n: row })}
                        data={options}
                        value={member.resourceId || null}
                        onChange={(value) => change(index, { resourceId: value ?? '' })}
                        searchable
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('companyWork.roleN', { n: row })}
                        value={member.role}
                        onChange={(event) => change(index, { role: event.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('companyWork.remove', { name })}
                        onClick={() => setMembers((rows) => rows.filter((_, at) => at !== index))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {fieldError(save.error, 'members') && (
            <Text c="red.8" size="sm" role="alert">
              {fieldError(save.error, 'members')}
            </Text>
          )}
          <Button
            variant="default"
            w="fit-content"
            onClick={() => setMembers((rows) => [...rows, { resourceId: '', role: '' }])}
          >
            {t('companyWork.addMember')}
          </Button>
          <FormError error={fieldError(save.error, 'members') ? null : save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('companyWork.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('companyWork.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TicketLines({ tickets, empty }: { tickets: Ticket[]; empty: string }) {
  const { formatDateTime, t } = useI18n();
  const names = useNames();
  if (tickets.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Stack gap={6}>
      {tickets.map((ticket) => (
        <div key={ticket.id}>
          <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm">
            {ticket.number} · {ticket.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {t('companyWork.changed', {
              when: formatDateTime(ticket.lastActivityAt),
              status: names.status(ticket.statusId),
            })}
            {ticket.primaryResourceId !== null &&
              ` · ${names.resource(ticket.primaryResourceId, ticket.primaryResourceName)}`}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function OpenTicketsSection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  const open = useQuery({
    queryKey: ['company-page', companyId, 'open-tickets'],
    queryFn: () =>
      api.get<Page<Ticket>>('/api/v1/tickets', { companyId, open: 'true', sort: 'dueAt', limit: 10 }),
    ...quiet,
  });
  if (!open.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-open-tickets">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="company-open-tickets">
          {t('companyWork.openTickets')}
        </Title>
        <AnchorLink to="/tickets" search={{ companyId: String(companyId), open: 'true' }} size="sm">
          {t('companyWork.allOpen')}
        </AnchorLink>
      </Group>
      <TicketLines tickets={open.data.items} empty={t('companyWork.noOpenTickets')} />
    </Paper>
  );
}

function RecentActivitySection({ companyId }: { companyId: number }) {
  const { t } = useI18n();
  // The reader's own last activity (ACCESS-MODEL §2 timing): changes they cannot read do not move it.
  const recent = useQuery({
    queryKey: ['company-page', companyId, 'recent'],
    queryFn: () => api.get<Page<Ticket>>('/api/v1/tickets', { companyId, sort: '-lastActivityAt', limit: 5 }),
    ...quiet,
  });
  if (!recent.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-recent">
      <Title order={2} size="h4" id="company-recent" mb="xs">
        {t('companyWork.recent')}
      </Title>
      <TicketLines tickets={recent.data.items} empty={t('companyWork.noRecent')} />
    </Paper>
  );
}
