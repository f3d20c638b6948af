import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Ticket, TicketCreateBody, TransferBody } from '../api/contract.ts';
import { referenceQueries, useMe } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { fieldRule } from '../components/ticket-fields/field-definitions.ts';
import {
  nameOptions,
  personOptions,
  useCompanyContacts,
  useSubIssueTypes,
} from '../components/ticket-fields/pickers.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Company and contact pickers offer exactly what the API lists for this user — nothing else. */
export function NewTicketPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const companies = (useQuery(referenceQueries.companies).data ?? []).filter((company) => company.active);
  const categories = (useQuery(referenceQueries.categories).data ?? []).filter((category) => category.active);
  const priorities = (useQuery(referenceQueries.priorities).data ?? []).filter((row) => row.active);
  const queues = (useQuery(referenceQueries.queues).data ?? []).filter((row) => row.active);
  const issueTypes = (useQuery(referenceQueries.issueTypes).data ?? []).filter((row) => row.active);

  const [companyId, setCompanyId] = useState<string | null>(
    me.licence === 'full' ? null : String(me.companyId),
  );
  const [contactId, setContactId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [queueId, setQueueId] = useState<string | null>(null);
  const [issueTypeId, setIssueTypeId] = useState<string | null>(null);
  const [subIssueTypeId, setSubIssueTypeId] = useState<string | null>(null);
  const subIssueTypes = useSubIssueTypes(issueTypeId === null ? null : Number(issueTypeId));
  const [dueAt, setDueAt] = useState('');
  const [estimatedHours, setEstimatedHours] = useState<number | ''>('');
  const [coManagedVisible, setCoManagedVisible] = useState<boolean | null>(null);

  const defaultCategory = categories.find((row) => row.isDefault);
  const chosenCategoryId = categoryId ?? (defaultCategory ? String(defaultCategory.id) : null);
  const category = categories.find((row) => String(row.id) === chosenCategoryId);
  // A field shows where the category shows it and this person may set it (me.newTicketFields).
  const may = (field: Parameters<typeof fieldRule>[1]) => me.newTicketFields.includes(field);
  const rule = (field: Parameters<typeof fieldRule>[1]) => {
    const categoryRule = fieldRule(category, field);
    return { ...categoryRule, visible: categoryRule.visible && may(field) };
  };
  const contacts = useCompanyContacts(companyId === null ? null : Number(companyId));
  const visible = coManagedVisible ?? category?.coManagedVisibleByDefault ?? false;
  const company = companies.find((row) => String(row.id) === companyId);

  const create = useMutation({
    mutationFn: async (transfer: boolean) => {
      const number = (value: string | null) => (value === null ? undefined : Number(value));
      const ticket = await api.post<Ticket>('/api/v1/tickets', {
        title: title.trim(),
        companyId: number(companyId),
        categoryId: number(chosenCategoryId),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(contactId ? { contactId: Number(contactId) } : {}),
        ...(priorityId ? { priorityId: Number(priorityId) } : {}),
        ...(queueId ? { queueId: Number(queueId) } : {}),
        ...(issueTypeId ? { issueTypeId: Number(issueTypeId) } : {}),
        ...(subIssueTypeId ? { subIssueTypeId: Number(subIssueTypeId) } : {}),
        ...(dueAt ? { dueAt: new Date(dueAt).toISOString() } : {}),
        ...(estimatedHours !== '' ? { estimatedHours: estimatedHours.toFixed(2) } : {}),
        ...(may('coManagedVisible') ? { coManagedVisible: visible } : {}),
      } satisfies TicketCreateBody);
      if (transfer && ticket.abilities.transferToCoManaged) {
        return api.post<Ticket>(`/api/v1/tickets/${ticket.id}/transfer-to-co-managed`, {
          version: ticket.version,
        } satisfies TransferBody);
      }
      return ticket;
    },
    onSuccess: async (ticket) => {
      notifications.show({ color: 'green', message: t('newTicket.created', { number: ticket.number }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      await navigate({ to: '/tickets/$ticketId', params: { ticketId: String(ticket.id) } });
    },
  });
  const canTransfer = me.features.coManagedHelpDesk && company?.coManagedEnabled === true;

  return (
    <Paper withBorder p="md" maw={760}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(false);
        }}
        aria-label={t('newTicket.title')}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t('newTicket.title')}
          </Title>
          {create.isError && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <Select
            label={t('tickets.company')}
            data={nameOptions(companies)}
            value={companyId}
            onChange={(value) => {
              setCompanyId(value);
              setContactId(null);
            }}
            required
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('ticket.category')}
            data={nameOptions(categories)}
            value={chosenCategoryId}
            onChange={(value) => {
              setCategoryId(value);
              setCoManagedVisible(null);
            }}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('newTicket.ticketTitle')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            maxLength={255}
          />
          {rule('description').visible && (
            <Textarea
              label={t('ticket.description')}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              required={rule('description').required}
              autosize
              minRows={3}
            />
          )}
          {rule('contactId').visible && (
            <Select
              label={t('ticket.contact')}
              data={personOptions(contacts)}
              value={contactId}
              onChange={setContactId}
              required={rule('contactId').required}
              disabled={companyId === null}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Group grow align="flex-start">
            {rule('priorityId').visible && (
              <Select
                label={t('tickets.priority')}
                data={nameOptions(priorities)}
                value={priorityId}
                onChange={setPriorityId}
                required={rule('priorityId').required}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {rule('queueId').visible && (
              <Select
                label={t('tickets.queue')}
                data={nameOptions(queues)}
                value={queueId}
                onChange={setQueueId}
                required={rule('queueId').required}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </Group>
          <Group grow align="flex-start">
            {rule('issueTypeId').visible && (
              <Select
                label={t('ticket.issueType')}
                data={nameOptions(issueTypes)}
                value={issueTypeId}
                onChange={(value) => {
                  setIssueTypeId(value);
                  setSubIssueTypeId(null);
                }}
                required={rule('issueTypeId').required}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {rule('subIssueTypeId').visible && issueTypeId !== null && (
              <Select
                label={t('ticket.subIssueType')}
                data={nameOptions(subIssueTypes.filter((row) => row.active))}
                value={subIssueTypeId}
                onChange={setSubIssueTypeId}
                required={rule('subIssueTypeId').required}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {rule('dueAt').visible && (
              <TextInput
                type="datetime-local"
                label={t('ticket.dueAt')}
                value={dueAt}
                onChange={(event) => setDueAt(event.currentTarget.value)}
                required={rule('dueAt').required}
              />
            )}
          </Group>
          {rule('estimatedHours').visible && (
            <NumberInput
              label={t('ticket.estimatedHours')}
              value={estimatedHours}
              onChange={(value) => setEstimatedHours(value === '' ? '' : Number(value))}
              min={0}
              decimalScale={2}
              required={rule('estimatedHours').required}
              maw={240}
            />
          )}
          {may('coManagedVisible') && (
            <Checkbox
              label={t('ticket.coManagedVisible')}
              checked={visible}
              onChange={(event) => setCoManagedVisible(event.currentTarget.checked)}
            />
          )}
          <Group>
            <Button type="submit" loading={create.isPending && !create.variables}>
              {t('newTicket.create')}
            </Button>
            {canTransfer && (
              <Button
                variant="light"
                color="violet"
                loading={create.isPending && create.variables}
                onClick={() => create.mutate(true)}
                disabled={title.trim() === '' || companyId === null}
              >
                {t('newTicket.createAndTransfer')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
