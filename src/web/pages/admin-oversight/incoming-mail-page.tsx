import { Badge, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMe } from '../../api/queries.ts';
import { type AdminColumn, AdminPageHeader, PagedList } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { MailSettings } from './mail-settings.tsx';
import {
  fetchMailPage,
  type IncomingMail,
  type IncomingMailOutcome,
  oversightKeys,
} from './oversight-api.ts';

const pageSize = 50;

/** Filled dark colours (white text passes AA); "not taken" is quieter than "refused". */
const outcomeLooks: Record<IncomingMailOutcome, { color: string; variant: 'filled' | 'outline' }> = {
  ticket_created: { color: 'teal.9', variant: 'filled' },
  note_added: { color: 'blue.9', variant: 'filled' },
  dropped: { color: 'gray.8', variant: 'outline' },
  rejected: { color: 'red.9', variant: 'filled' },
};

function isOutcome(outcome: string): outcome is IncomingMailOutcome {
  return outcome in outcomeLooks;
}

function Outcome({ mail }: { mail: IncomingMail }) {
  const { t } = useI18n();
  const look = isOutcome(mail.outcome) ? outcomeLooks[mail.outcome] : outcomeLooks.dropped;
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant={look.variant} color={look.color} tt="none">
        {isOutcome(mail.outcome) ? t(`oversight.mail.outcome.${mail.outcome}` as MessageKey) : mail.outcome}
      </Badge>
      {mail.reason && (
        <Text span size="xs" c="dimmed">
          {mail.reason}
        </Text>
      )}
    </Stack>
  );
}

function MailTicket({ mail }: { mail: IncomingMail }) {
  const { t } = useI18n();
  if (mail.ticketId === null) return <>—</>;
  if (!mail.ticketNumber)
    return (
      <Text span size="sm" c="dimmed">
        {t('oversight.mail.ticketGone')}
      </Text>
    );
  return (
    <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(mail.ticketId) }} size="sm">
      {mail.ticketNumber}
    </AnchorLink>
  );
}

/** /admin/incoming-mail: what arrived and what became of it, and where the mail settings come from. */
export function IncomingMailPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const list = useInfiniteQuery({
    queryKey: oversightKeys.mail,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchMailPage(pageParam, pageSize),
    getNextPageParam: (page) => page.nextCursor,
    enabled: me.isAdmin,
  });
  if (!me.isAdmin) return <NotFoundPage />;

  const received = (mail: IncomingMail) => (
    <time dateTime={mail.receivedAt}>{formatDateTime(mail.receivedAt)}</time>
  );
  const from = (mail: IncomingMail) => mail.fromAddress ?? t('oversight.mail.unknownSender');
  const subject = (mail: IncomingMail) => mail.subject || t('oversight.mail.noSubject');
  const channel = (mail: IncomingMail) =>
    mail.channel === 'smtp' || mail.channel === 'imap'
      ? t(`oversight.mail.channel.${mail.channel}`)
      : mail.channel;
  const columns: AdminColumn<IncomingMail>[] = [
    { header: t('oversight.mail.received'), cell: received, nowrap: true },
    {
      header: t('oversight.mail.from'),
      cell: (mail) => (
        <Text span size="sm" style={{ wordBreak: 'break-word' }}>
          {from(mail)}
        </Text>
      ),
    },
    {
      header: t('oversight.mail.subject'),
      cell: (mail) => (
        <Text span size="sm">
          {subject(mail)}
        </Text>
      ),
    },
    { header: t('oversight.mail.outcome'), cell: (mail) => <Outcome mail={mail} /> },
    { header: t('oversight.mail.ticket'), cell: (mail) => <MailTicket mail={mail} />, nowrap: true },
    { header: t('oversight.mail.channel'), cell: channel, nowrap: true },
  ];
  const card = (mail: IncomingMail) => (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {subject(mail)}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        <Text span c="dimmed" size="sm">
          {t('oversight.mail.from')}:{' '}
        </Text>
        {from(mail)}
      </Text>
      <Text size="xs" c="dimmed">
        {received(mail)} · {channel(mail)}
      </Text>
      <Outcome mail={mail} />
      {mail.ticketId !== null && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('oversight.mail.ticket')}:{' '}
          </Text>
          <MailTicket mail={mail} />
        </Text>
      )}
    </Stack>
  );

  return (
    <Stack maw={1240}>
      <AdminPageHeader title={t('oversight.mail.title')} description={t('oversight.mail.intro')} />
      <PagedList<IncomingMail>
        label={t('oversight.mail.title')}
        list={list}
        columns={columns}
        card={card}
        minWidth={760}
        empty={t('oversight.mail.empty')}
      />
      <MailSettings />
    </Stack>
  );
}
