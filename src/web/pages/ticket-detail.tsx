import {
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconListCheck,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import type {
  EscalateBody,
  Ticket,
  TicketDetail,
  TransferBody,
  WorklistAddBody,
  WorklistNext,
  WorklistNextBody,
} from '../api/contract.ts';
import { referenceQueries, ticketDetailQuery, useMe, useNames, worklistQuery } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { AnchorLink } from '../components/links.tsx';
import { TicketSlaTimers } from '../components/ticket-sla-timers.tsx';
import { StopwatchButton } from '../components/stopwatch.tsx';
import { TicketAttachments } from '../components/ticket-attachments.tsx';
import { TicketChecklist } from '../components/ticket-checklist.tsx';
import { personOptions, useTicketWorkers } from '../components/ticket-fields/pickers.ts';
import { TicketFields } from '../components/ticket-fields/ticket-fields.tsx';
import { TicketHistory } from '../components/ticket-history.tsx';
import { TicketNotes } from '../components/ticket-notes.tsx';
import { TicketTime } from '../components/ticket-time.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NotFoundPage } from './not-found.tsx';

export function TicketDetailPage() {
  const { t } = useI18n();
  const { ticketId } = useParams({ from: '/app/tickets/$ticketId' });
  const id = Number(ticketId);
  const valid = Number.isInteger(id) && id > 0 && id <= 2_147_483_647;
  const ticket = useQuery({ ...ticketDetailQuery(id), enabled: valid });
  const isPhone = useMediaQuery('(max-width: 62em)');

  if (!valid || isApiError(ticket.error, 404)) {
    return <NotFoundPage title={t('ticket.notFound')} text={t('ticket.notFoundText')} />;
  }
  if (ticket.isError) return <Text c="red">{t('app.error', { message: ticket.error.message })}</Text>;
  if (!ticket.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const data = ticket.data;

  const tabs = (
    <Tabs defaultValue="notes" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="notes">{t('tabs.notes')}</Tabs.Tab>
        <Tabs.Tab value="time">{t('tabs.time')}</Tabs.Tab>
        <Tabs.Tab value="attachments">{t('tabs.attachments')}</Tabs.Tab>
        <Tabs.Tab value="checklist">{t('tabs.checklist')}</Tabs.Tab>
        <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="notes" pt="sm">
        <TicketNotes ticket={data} />
      </Tabs.Panel>
      <Tabs.Panel value="time" pt="sm">
        <TicketTime ticket={data} />
      </Tabs.Panel>
      <Tabs.Panel value="attachments" pt="sm">
        <TicketAttachments ticket={data} isPhone={isPhone} />
      </Tabs.Panel>
      <Tabs.Panel value="checklist" pt="sm">
        <TicketChecklist ticket={data} />
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="sm">
        <TicketHistory ticket={data} />
      </Tabs.Panel>
    </Tabs>
  );

  return (
    <Stack gap="md">
      <TicketHeader ticket={data} />
      <TicketDescription ticket={data} />
      {isPhone ? (
        <Stack>
          {tabs}
          <TicketFields ticket={data} />
        </Stack>
      ) : (
        <Grid>
          <Grid.Col span={8}>{tabs}</Grid.Col>
          <Grid.Col span={4}>
            <TicketFields ticket={data} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** What the requester wrote: the first thing a technician reads, above the conversation. */
function TicketDescription({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  if (ticket.description.trim() === '') return null;
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('ticket.description')}>
      <Text size="xs" c="dimmed" mb={4}>
        {t('ticket.description')}
      </Text>
      <Text size="sm" className="note-body" data-testid="field-description">
        {ticket.description}
      </Text>
    </Paper>
  );
}

function TicketHeader({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const names = useNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const worklist = useQuery(worklistQuery);
  const category = categories.find((row) => row.id === ticket.categoryId);
  const onWorklist = worklist.data?.items.some((item) => item.ticketId === ticket.id) ?? false;

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id).all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.worklist }),
    ]);
  };
  const handoff = useMutation({
    mutationFn: (kind: 'transfer-to-co-managed' | 'escalate-to-msp') =>
      api.post<Ticket>(`/api/v1/tickets/${ticket.id}/${kind}`, {
        version: ticket.version,
      } satisfies TransferBody & EscalateBody),
    onSuccess: async (_result, kind) => {
      notifications.show({
        color: 'green',
        message: t(kind === 'transfer-to-co-managed' ? 'ticket.transferred' : 'ticket.escalated'),
      });
      await refresh();
    },
    onError: async (error) => {
      notifications.show({ color: 'red', message: error.message });
      await refresh();
    },
  });
  const addToWorklist = useMutation({
    mutationFn: (resourceId?: number) =>
      api.post('/api/v1/worklist', {
        ticketId: ticket.id,
        ...(resourceId ? { resourceId } : {}),
      } satisfies WorklistAddBody),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('ticket.addedToWorklist') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.worklist });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const doneNext = useMutation({
    mutationFn: () =>
      api.post<WorklistNext>('/api/v1/worklist/next', {
        doneTicketId: ticket.id,
      } satisfies WorklistNextBody),
    onSuccess: async ({ item }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.worklist });
      await navigate(
        item
          ? { to: '/tickets/$ticketId', params: { ticketId: String(item.ticketId) } }
          : { to: '/worklist' },
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/tickets/${ticket.id}`),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('ticket.deleted') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      await navigate({ to: '/tickets' });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <Stack gap="xs">
      <AnchorLink to="/tickets" size="sm" c="dimmed" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('ticket.back')}
        </Group>
      </AnchorLink>
      <Group gap="xs">
        <Text ff="monospace" c="dimmed" data-testid="ticket-number">
          {ticket.number}
        </Text>
        <Badge variant="light" tt="none" data-testid="ticket-status">
          {names.status(ticket.statusId)}
        </Badge>
        <Badge variant="outline" tt="none">
          {names.priority(ticket.priorityId)}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {names.company(ticket.companyId)}
        </Badge>
        {ticket.coManagedVisible && (
          <Badge variant="light" color="violet" tt="none">
            {t('ticket.coManagedVisible')}
          </Badge>
        )}
      </Group>
      <Title order={1} size="h2" data-testid="ticket-title">
        {ticket.title}
      </Title>
      <TicketSlaTimers ticketId={ticket.id} />
      <Group gap="xs">
        {category?.stopwatchEnabled !== false && (
          <StopwatchButton ticketId={ticket.id} ticketNumber={ticket.number} />
        )}
        {onWorklist ? (
          <Button
            variant="filled"
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={() => doneNext.mutate()}
            loading={doneNext.isPending}
          >
            {t('ticket.doneNext')}
          </Button>
        ) : (
          <Button
            variant="light"
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={() => addToWorklist.mutate(undefined)}
            loading={addToWorklist.isPending}
            disabled={!worklist.data}
          >
            {t('ticket.addToWorklist')}
          </Button>
        )}
        {worklist.data?.abilities.addForColleague && (
          <AddForColleague ticket={ticket} onAdd={(resourceId) => addToWorklist.mutate(resourceId)} />
        )}
        {ticket.abilities.transferToCoManaged && (
          <Button
            variant="light"
            color="violet"
            leftSection={<IconArrowForwardUp size={16} aria-hidden />}
            onClick={() => handoff.mutate('transfer-to-co-managed')}
            loading={handoff.isPending && handoff.variables === 'transfer-to-co-managed'}
          >
            {t('ticket.transfer')}
          </Button>
        )}
        {ticket.abilities.escalateToMsp && (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden color="var(--mantine-color-orange-8)" />}
            onClick={() => handoff.mutate('escalate-to-msp')}
            loading={handoff.isPending && handoff.variables === 'escalate-to-msp'}
          >
            {t('ticket.escalate')}
          </Button>
        )}
        {ticket.abilities.delete && (
          <Button
            variant="subtle"
            color="red"
            onClick={() => {
              if (window.confirm(t('ticket.deleteConfirm'))) remove.mutate();
            }}
          >
            {t('ticket.delete')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function AddForColleague({ ticket, onAdd }: { ticket: Ticket; onAdd: (resourceId: number) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const colleagues = useTicketWorkers().filter((person) => person.id !== me.id);
  return (
    <>
      <Button
        variant="subtle"
        leftSection={<IconUserPlus size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('ticket.addForColleague')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`${t('ticket.addForColleague')} · ${ticket.number}`}
      >
        <Stack>
          <Select
            label={t('ticket.colleague')}
            data={personOptions(colleagues)}
            value={choice}
            onChange={setChoice}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            disabled={choice === null}
            onClick={() => {
              onAdd(Number(choice));
              setOpen(false);
            }}
          >
            {t('ticket.add')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
