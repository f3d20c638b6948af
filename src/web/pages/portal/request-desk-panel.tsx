import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Ticket, TicketPatchBody } from '../../api/contract.ts';
import { referenceQueries, useNames, useReferenceList } from '../../api/queries.ts';
import { useCompanyContacts } from '../../components/ticket-fields/pickers.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What the customer's internal help desk (Taskfire) does with a request: its status, its urgency,
 * which of them works it — the fields the ticket's abilities allow, nothing of the MSP's own —
 * and, when they cannot solve it, the escalation to the MSP.
 */
export function RequestDeskPanel({ request }: { request: Ticket }) {
  const { t } = useI18n();
  const names = useNames();
  const queryClient = useQueryClient();
  const statuses = useReferenceList('statuses');
  const priorities = useReferenceList('priorities');
  const people = useQuery(referenceQueries.resources).data ?? [];
  const requester = useCompanyContacts(request.contactId === null ? null : request.companyId).find(
    (contact) => contact.id === request.contactId,
  );
  const may = new Set(request.abilities.fields);
  const [statusId, setStatusId] = useState(String(request.statusId));
  const [priorityId, setPriorityId] = useState(String(request.priorityId));
  const [assignee, setAssignee] = useState(String(request.primaryResourceId ?? ''));

  // Their own colleagues, and whoever works it now (an MSP technician they may name, not list).
  const colleagues = people
    .filter((person) => person.licenceType === 'internal_helpdesk' && person.active)
    .map((person) => ({ value: String(person.id), label: `${person.firstName} ${person.lastName}` }));
  const current =
    request.primaryResourceId !== null &&
    !colleagues.some((option) => option.value === String(request.primaryResourceId))
      ? [
          {
            value: String(request.primaryResourceId),
            label: names.resource(request.primaryResourceId, request.primaryResourceName),
          },
        ]
      : [];
  const assigneeOptions = [{ value: '', label: t('portal.desk.nobody') }, ...current, ...colleagues];

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(request.id).all });
  const save = useMutation({
    mutationFn: () => {
      const patch: TicketPatchBody = { version: request.version };
      if (statusId !== String(request.statusId)) patch.statusId = Number(statusId);
      if (priorityId !== String(request.priorityId)) patch.priorityId = Number(priorityId);
      if (assignee !== String(request.primaryResourceId ?? '')) {
        patch.primaryResourceId = assignee === '' ? null : Number(assignee);
      }
      return api.patch<Ticket>(`/api/v1/tickets/${request.id}`, patch);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('portal.desk.saved') });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
    },
  });
  const escalate = useMutation({
    mutationFn: () =>
      api.post<Ticket>(`/api/v1/tickets/${request.id}/escalate-to-msp`, { version: request.version }),
    onSuccess: async (after) => {
      notifications.show({ color: 'green', message: t('portal.desk.escalated') });
      setAssignee(String(after.primaryResourceId ?? ''));
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
    },
  });
  const changed =
    statusId !== String(request.statusId) ||
    priorityId !== String(request.priorityId) ||
    assignee !== String(request.primaryResourceId ?? '');
  const failure = save.error ?? escalate.error;

  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('portal.desk.work')}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('portal.desk.work')}
          </Title>
          {failure && (
            <Alert color="red" role="alert">
              {failure.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('portal.desk.status')}
              data={statuses.map((status) => ({ value: String(status.id), label: status.name }))}
              value={statusId}
              onChange={(value) => value && setStatusId(value)}
              disabled={!may.has('statusId')}
              allowDeselect={false}
            />
            <Select
              label={t('portal.desk.priority')}
              data={priorities.map((priority) => ({ value: String(priority.id), label: priority.name }))}
              value={priorityId}
              onChange={(value) => value && setPriorityId(value)}
              disabled={!may.has('priorityId')}
              allowDeselect={false}
            />
            <Select
              label={t('portal.desk.assignee')}
              data={assigneeOptions}
              value={assignee}
              onChange={(value) => setAssignee(value ?? '')}
              disabled={!may.has('primaryResourceId')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="xl">
            <Text size="sm">
              <Text span c="dimmed">
                {t('portal.desk.company')}:
              </Text>{' '}
              {names.company(request.companyId)}
            </Text>
            {requester && (
              <Text size="sm">
                <Text span c="dimmed">
                  {t('portal.desk.requester')}:
                </Text>{' '}
                {requester.firstName} {requester.lastName}
              </Text>
            )}
            <Text size="sm">
              <Text span c="dimmed">
                {t('portal.desk.queue')}:
              </Text>{' '}
              {names.queue(request.queueId)}
            </Text>
          </Group>
          <Group justify="space-between" align="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!changed}>
              {t('portal.desk.save')}
            </Button>
            {request.abilities.escalateToMsp && (
              <Stack gap={4} maw={420}>
                <Button
                  variant="default"
                  loading={escalate.isPending}
                  onClick={() => escalate.mutate()}
                  disabled={changed}
                >
                  {t('portal.desk.escalate')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('portal.desk.escalateHint')}
                </Text>
              </Stack>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
