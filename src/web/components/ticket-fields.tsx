import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import { referenceQueries, useNames } from '../api/queries.ts';
import type {
  Contact,
  FieldRuleKey,
  Named,
  Page,
  Ticket,
  TicketCategory,
  TicketDetail,
} from '../api/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { changedFields, mergedPatch, splitChanges } from './ticket-merge.ts';

/** The fields a user edits in place; each maps to a category field rule where one exists. */
const editable = [
  'title',
  'statusId',
  'priorityId',
  'queueId',
  'categoryId',
  'contactId',
  'issueTypeId',
  'subIssueTypeId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'secondaryResources',
  'coManagedVisible',
  'description',
] as const;
type Field = (typeof editable)[number];
type Values = Pick<Ticket, Field>;

/** The label of an editable ticket field, or null for another field. */
export function fieldLabelKey(field: string): MessageKey | null {
  return (editable as readonly string[]).includes(field) ? labels[field as Field] : null;
}

const labels: Record<Field, MessageKey> = {
  title: 'newTicket.ticketTitle',
  statusId: 'column.status',
  priorityId: 'column.priority',
  queueId: 'tickets.queue',
  categoryId: 'ticket.category',
  contactId: 'ticket.contact',
  issueTypeId: 'ticket.issueType',
  subIssueTypeId: 'ticket.subIssueType',
  dueAt: 'ticket.dueAt',
  estimatedHours: 'ticket.estimatedHours',
  primaryResourceId: 'ticket.primaryResource',
  secondaryResources: 'ticket.secondaryResources',
  coManagedVisible: 'ticket.coManagedVisible',
  description: 'ticket.description',
};

const rules: Partial<Record<Field | 'sourceId', FieldRuleKey>> = {
  sourceId: 'source',
  priorityId: 'priority',
  queueId: 'queue',
  contactId: 'contact',
  issueTypeId: 'issueType',
  subIssueTypeId: 'subIssueType',
  dueAt: 'dueAt',
  estimatedHours: 'estimatedHours',
  primaryResourceId: 'primaryResource',
  description: 'description',
};

export function fieldRule(category: TicketCategory | undefined, field: Field | 'sourceId') {
  const key = rules[field];
  const rule = key ? category?.fieldRules[key] : undefined;
  return { visible: rule?.visible ?? true, required: rule?.required ?? false };
}

function valuesOf(ticket: Ticket): Values {
  return Object.fromEntries(editable.map((field) => [field, ticket[field]])) as Values;
}

/** `<input type="datetime-local">` speaks local time without a zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface Conflict {
  current: Ticket;
  mine: Partial<Values>;
  /** Fields both sides changed: the user decides. */
  contested: Field[];
  /** Fields only the other side changed: kept as they are now. */
  theirsOnly: Field[];
}

export function TicketFields({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const [editing, setEditing] = useState<{ base: Ticket; values: Values } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const category = categories.find((row) => row.id === (editing?.values.categoryId ?? ticket.categoryId));

  const save = useMutation({
    mutationFn: ({ patch, version }: { patch: Partial<Values>; version: number }) =>
      api.patch<Ticket>(`/api/v1/tickets/${ticket.id}`, { ...patch, version }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('ticket.saved') });
      setEditing(null);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: ['ticket', ticket.id] });
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: async (error, { patch }) => {
      if (!isApiError(error, 409) || !editing) {
        notifications.show({ color: 'red', message: error.message });
        return;
      }
      // Someone saved in between: show what they changed next to what we changed.
      const current = await api.get<TicketDetail>(`/api/v1/tickets/${ticket.id}`);
      setConflict({
        current,
        mine: patch,
        ...splitChanges(editable, valuesOf(editing.base), patch, valuesOf(current)),
      });
    },
  });

  const submit = () => {
    if (!editing) return;
    const patch = changedFields(editable, valuesOf(editing.base), editing.values) as Partial<Values>;
    if (Object.keys(patch).length === 0) {
      setEditing(null);
      return;
    }
    save.mutate({ patch, version: editing.base.version });
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('ticket.fields')}
        </Title>
        {ticket.abilities.edit && !editing && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing({ base: ticket, values: valuesOf(ticket) })}
          >
            {t('ticket.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={t('ticket.edit')}
        >
          <EditFields
            ticket={ticket}
            category={category}
            values={editing.values}
            onChange={(values) => setEditing({ ...editing, values })}
          />
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>
              {t('ticket.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('ticket.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <ShowFields ticket={ticket} category={category} />
      )}
      <ConflictDialog
        conflict={conflict}
        saving={save.isPending}
        onCancel={() => {
          setConflict(null);
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: ['ticket', ticket.id] });
        }}
        onMerge={(patch) => {
          if (!conflict) return;
          setEditing({ base: conflict.current, values: { ...valuesOf(conflict.current), ...patch } });
          if (Object.keys(patch).length === 0) {
            setConflict(null);
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: ['ticket', ticket.id] });
            return;
          }
          save.mutate({ patch, version: conflict.current.version });
        }}
      />
    </Paper>
  );
}

/** The sub-issue types of an issue type (none without one). */
export function useSubIssueTypes(issueTypeId: number | null) {
  return (
    useQuery({
      queryKey: ['subIssueTypes', issueTypeId],
      enabled: issueTypeId !== null,
      staleTime: 5 * 60_000,
      queryFn: () =>
        api
          .get<{ items: Named[] }>(`/api/v1/issue-types/${String(issueTypeId)}/sub-issue-types`)
          .then((result) => result.items),
    }).data ?? []
  );
}

/** Shows a ticket field's value as people read it (names, local dates). */
export function useDisplay() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const names = useNames();
  const issueTypes = useQuery(referenceQueries.issueTypes).data ?? [];
  return (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('ticket.none');
    switch (field) {
      case 'statusId':
        return names.status(value as number);
      case 'priorityId':
        return names.priority(value as number);
      case 'queueId':
        return names.queue(value as number);
      case 'categoryId':
        return names.category(value as number);
      case 'primaryResourceId':
        return names.resource(value as number);
      case 'issueTypeId':
        return issueTypes.find((row) => row.id === value)?.name ?? `#${value as number}`;
      case 'contactId':
      case 'subIssueTypeId':
        return `#${value as number}`;
      case 'secondaryResources': {
        const people = value as Ticket['secondaryResources'];
        return people.length === 0
          ? t('ticket.none')
          : people.map((person) => names.resource(person.resourceId)).join(', ');
      }
      case 'dueAt':
        return formatDateTime(value as string);
      case 'estimatedHours':
        return formatNumber(value as string);
      case 'coManagedVisible':
        return t(value === true ? 'value.yes' : 'value.no');
      case 'title':
      case 'description':
        return value as string;
    }
  };
}

function ShowFields({ ticket, category }: { ticket: TicketDetail; category: TicketCategory | undefined }) {
  const { t, formatDateTime } = useI18n();
  const display = useDisplay();
  const contact = useQuery({
    queryKey: ['contact', ticket.contactId],
    enabled: ticket.contactId !== null,
    queryFn: () => api.get<Contact>(`/api/v1/contacts/${String(ticket.contactId)}`),
  });
  const shown = editable.filter((field) => field !== 'title' && fieldRule(category, field).visible);
  const sources = useQuery(referenceQueries.sources).data ?? [];
  const subIssueTypes = useSubIssueTypes(ticket.issueTypeId);
  const subIssueName = subIssueTypes.find((row) => row.id === ticket.subIssueTypeId)?.name;
  return (
    <Stack gap={6}>
      {shown.map((field) => (
        <div key={field}>
          <Text size="xs" c="dimmed">
            {t(labels[field])}
          </Text>
          <Text
            size="sm"
            className={field === 'description' ? 'note-body' : undefined}
            data-testid={`field-${field}`}
          >
            {field === 'contactId' && contact.data
              ? `${contact.data.firstName} ${contact.data.lastName}`
              : field === 'subIssueTypeId' && subIssueName
                ? subIssueName
                : field === 'primaryResourceId' && ticket.primaryResourceId === null
                  ? t('ticket.unassigned')
                  : display(field, ticket[field])}
          </Text>
        </div>
      ))}
      {fieldRule(category, 'sourceId').visible && (
        <div>
          <Text size="xs" c="dimmed">
            {t('ticket.source')}
          </Text>
          <Text size="sm" data-testid="field-sourceId">
            {ticket.sourceId === null
              ? t('ticket.none')
              : (sources.find((source) => source.id === ticket.sourceId)?.name ?? `#${ticket.sourceId}`)}
          </Text>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {t('ticket.created', { date: formatDateTime(ticket.createdAt) })}
      </Text>
    </Stack>
  );
}

function EditFields({
  ticket,
  category,
  values,
  onChange,
}: {
  ticket: Ticket;
  category: TicketCategory | undefined;
  values: Values;
  onChange: (values: Values) => void;
}) {
  const { t } = useI18n();
  const ref = {
    statuses: useQuery(referenceQueries.statuses).data ?? [],
    priorities: useQuery(referenceQueries.priorities).data ?? [],
    queues: useQuery(referenceQueries.queues).data ?? [],
    categories: useQuery(referenceQueries.categories).data ?? [],
    issueTypes: useQuery(referenceQueries.issueTypes).data ?? [],
    resources: useQuery(referenceQueries.resources).data ?? [],
  };
  const contacts = useQuery({
    queryKey: ['contacts', ticket.companyId],
    queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { companyId: ticket.companyId, limit: 200 }),
  });
  const set = (patch: Partial<Values>) => onChange({ ...values, ...patch });
  const subIssueTypes = useSubIssueTypes(values.issueTypeId);
  // People who work tickets; the API still decides whether an assignment is allowed.
  const staff = ref.resources.filter(
    (person) => person.active && (person.licenceType === 'full' || person.licenceType === 'co_managed'),
  );
  const options = (rows: { id: number; name: string; active?: boolean }[], current: number | null) =>
    rows
      .filter((row) => row.active !== false || row.id === current)
      .map((row) => ({ value: String(row.id), label: row.name }));
  const numberOrNull = (value: string | null) => (value === null ? null : Number(value));
  const rule = (field: Field) => fieldRule(category, field);
  const select = (
    field:
      | 'statusId'
      | 'priorityId'
      | 'queueId'
      | 'categoryId'
      | 'issueTypeId'
      | 'subIssueTypeId'
      | 'primaryResourceId'
      | 'contactId',
    data: { value: string; label: string }[],
    nullable: boolean,
  ) =>
    rule(field).visible && (
      <Select
        key={field}
        label={t(labels[field])}
        data={data}
        value={values[field] === null ? null : String(values[field])}
        onChange={(value) =>
          set(
            // A new issue type clears the sub-issue type, which belongs to the old one.
            field === 'issueTypeId'
              ? { issueTypeId: numberOrNull(value), subIssueTypeId: null }
              : { [field]: numberOrNull(value) },
          )
        }
        required={rule(field).required || !nullable}
        clearable={nullable && !rule(field).required}
        allowDeselect={nullable}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
    );

  return (
    <Stack gap="xs">
      <TextInput
        label={t(labels.title)}
        required
        value={values.title}
        onChange={(event) => set({ title: event.currentTarget.value })}
      />
      {select('statusId', options(ref.statuses, values.statusId), false)}
      {select('priorityId', options(ref.priorities, values.priorityId), false)}
      {select('queueId', options(ref.queues, values.queueId), true)}
      {select('categoryId', options(ref.categories, values.categoryId), false)}
      {select('issueTypeId', options(ref.issueTypes, values.issueTypeId), true)}
      {values.issueTypeId !== null &&
        select('subIssueTypeId', options(subIssueTypes, values.subIssueTypeId), true)}
      {select(
        'contactId',
        (contacts.data?.items ?? []).map((contact) => ({
          value: String(contact.id),
          label: `${contact.firstName} ${contact.lastName}`,
        })),
        true,
      )}
      {select(
        'primaryResourceId',
        staff.map((person) => ({
          value: String(person.id),
          label: `${person.firstName} ${person.lastName}`,
        })),
        true,
      )}
      <MultiSelect
        label={t(labels.secondaryResources)}
        data={staff.map((person) => ({
          value: String(person.id),
          label: `${person.firstName} ${person.lastName}`,
        }))}
        value={values.secondaryResources.map((secondary) => String(secondary.resourceId))}
        onChange={(ids) =>
          set({
            secondaryResources: ids.map((id) => ({
              resourceId: Number(id),
              roleId:
                values.secondaryResources.find((secondary) => secondary.resourceId === Number(id))?.roleId ??
                null,
            })),
          })
        }
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      {rule('dueAt').visible && (
        <TextInput
          type="datetime-local"
          label={t(labels.dueAt)}
          required={rule('dueAt').required}
          value={toLocalInput(values.dueAt)}
          onChange={(event) =>
            set({
              dueAt: event.currentTarget.value ? new Date(event.currentTarget.value).toISOString() : null,
            })
          }
        />
      )}
      {rule('estimatedHours').visible && (
        <NumberInput
          label={t(labels.estimatedHours)}
          required={rule('estimatedHours').required}
          min={0}
          decimalScale={2}
          value={values.estimatedHours === null ? '' : Number(values.estimatedHours)}
          onChange={(value) => set({ estimatedHours: value === '' ? null : Number(value).toFixed(2) })}
        />
      )}
      <Checkbox
        label={t(labels.coManagedVisible)}
        checked={values.coManagedVisible}
        onChange={(event) => set({ coManagedVisible: event.currentTarget.checked })}
      />
      {rule('description').visible && (
        <Textarea
          label={t(labels.description)}
          required={rule('description').required}
          autosize
          minRows={3}
          value={values.description}
          onChange={(event) => set({ description: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}

function ConflictDialog({
  conflict,
  saving,
  onCancel,
  onMerge,
}: {
  conflict: Conflict | null;
  saving: boolean;
  onCancel: () => void;
  onMerge: (patch: Partial<Values>) => void;
}) {
  const { t } = useI18n();
  const display = useDisplay();
  const [choices, setChoices] = useState<Partial<Record<Field, 'mine' | 'theirs'>>>({});
  if (!conflict) return null;
  const changed = [...conflict.contested, ...conflict.theirsOnly];
  const merged = () => mergedPatch(conflict.mine, conflict.contested, choices) as Partial<Values>;
  return (
    <Modal opened onClose={onCancel} title={t('conflict.title')} size="lg" data-testid="conflict-dialog">
      <Stack>
        <Alert color="orange">{t('conflict.intro', { count: changed.length })}</Alert>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.theirs')}</Table.Th>
              <Table.Th>{t('conflict.mine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((field) => (
              <Table.Tr key={field}>
                <Table.Td>{t(labels[field])}</Table.Td>
                <Table.Td>{display(field, conflict.current[field])}</Table.Td>
                <Table.Td>
                  {conflict.contested.includes(field) ? (
                    <Radio.Group
                      value={choices[field] ?? 'mine'}
                      onChange={(value) =>
                        setChoices({ ...choices, [field]: value === 'theirs' ? 'theirs' : 'mine' })
                      }
                      aria-label={t(labels[field])}
                    >
                      <Stack gap={4}>
                        <Radio
                          value="mine"
                          label={`${t('conflict.keepMine')}: ${display(field, conflict.mine[field])}`}
                        />
                        <Radio value="theirs" label={t('conflict.takeTheirs')} />
                      </Stack>
                    </Radio.Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('conflict.untouched')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button onClick={() => onMerge(merged())} loading={saving}>
            {t('conflict.merge')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('ticket.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
