import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, RequestType, Ticket, TicketCreateBody } from '../../api/contract.ts';
import { useMe, useReferenceList } from '../../api/queries.ts';
import { useCompanyContacts } from '../../components/ticket-fields/pickers.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A new request: first what kind (the request types the MSP offers this company), then what the
 * type's form asks — a subject always, the details and the urgency as the type says. Without
 * request types, a subject and details; the desk decides the rest.
 */
export function PortalNewRequestPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const priorities = useReferenceList('priorities');
  const me = useMe();
  // The internal help desk raises requests for its colleagues: whom it is for (an end user's is their own).
  const desk = me.licence === 'internal_helpdesk';
  const contacts = useCompanyContacts(desk ? me.companyId : null);
  const [contactId, setContactId] = useState<string | null>(null);
  const types = useQuery({
    queryKey: ['portal', 'requestTypes'],
    queryFn: () => api.get<Page<RequestType>>('/api/v1/request-types'),
  });
  const offered = (types.data?.items ?? []).filter((type) => type.active);
  const [typeId, setTypeId] = useState<string | null>(null);
  const type = offered.find((candidate) => String(candidate.id) === typeId) ?? null;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priorityId, setPriorityId] = useState<string | null>(null);

  const chooseType = (value: string) => {
    setTypeId(value);
    const next = offered.find((candidate) => String(candidate.id) === value);
    // The type's questions start the details, unless the user already wrote some.
    if (next?.descriptionTemplate && description.trim() === '') setDescription(next.descriptionTemplate);
    setPriorityId(next?.priorityId ? String(next.priorityId) : null);
  };
  const asksDescription = type?.descriptionField !== 'hidden';
  const asksPriority = type !== null && type.priorityField !== 'hidden';
  const send = useMutation({
    mutationFn: () =>
      api.post<Ticket>('/api/v1/tickets', {
        title: title.trim(),
        ...(type ? { requestTypeId: type.id } : {}),
        ...(desk && contactId ? { contactId: Number(contactId) } : {}),
        ...(asksDescription && description.trim() ? { description: description.trim() } : {}),
        ...(asksPriority && priorityId ? { priorityId: Number(priorityId) } : {}),
      } satisfies TicketCreateBody),
    onSuccess: async (request) => {
      notifications.show({ color: 'green', message: t('portal.new.sent', { number: request.number }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      await navigate({ to: '/portal/requests/$requestId', params: { requestId: String(request.id) } });
    },
  });
  const needsType = offered.length > 0 && type === null;
  const missingDescription = type?.descriptionField === 'required' && description.trim() === '';

  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('portal.new.title')}
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('portal.new.title')}
            </Title>
            <Text c="dimmed">{t('portal.new.intro')}</Text>
          </div>
          {send.isError && (
            <Alert color="red" role="alert">
              {send.error.message}
            </Alert>
          )}
          {offered.length > 0 && (
            <Radio.Group label={t('portal.new.kind')} required value={typeId} onChange={chooseType}>
              <Stack gap="xs" mt="xs">
                {offered.map((candidate) => (
                  <Radio.Card
                    key={candidate.id}
                    value={String(candidate.id)}
                    p="sm"
                    radius="md"
                    bg={typeId === String(candidate.id) ? 'blue.0' : undefined}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <Stack gap={2}>
                        <Text fw={600} size="sm">
                          {candidate.name}
                        </Text>
                        {candidate.description && (
                          <Text size="sm" c="dimmed">
                            {candidate.description}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
          )}
          {desk && (
            <Select
              label={t('portal.desk.requester')}
              searchable
              clearable
              data={contacts.map((contact) => ({
                value: String(contact.id),
                label: `${contact.firstName} ${contact.lastName}`,
              }))}
              value={contactId}
              onChange={setContactId}
            />
          )}
          <TextInput
            label={t('portal.new.subject')}
            required
            maxLength={255}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          {asksDescription && (
            <Textarea
              label={t('portal.new.details')}
              required={type?.descriptionField === 'required'}
              autosize
              minRows={5}
              maxLength={32_000}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
            />
          )}
          {asksPriority && (
            <Select
              label={t('portal.new.urgency')}
              required={type.priorityField === 'required'}
              data={priorities.map((priority) => ({ value: String(priority.id), label: priority.name }))}
              value={priorityId}
              onChange={setPriorityId}
              allowDeselect={type.priorityField !== 'required'}
            />
          )}
          <Button
            type="submit"
            loading={send.isPending}
            disabled={title.trim() === '' || needsType || missingDescription}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('portal.new.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
