import { BarChart } from '@mantine/charts';
import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { useNames, worklistQuery } from '../../api/queries.ts';
import type { TimeLogged } from '../../api/report-contract.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { systemName } from '../../lib/system-name.ts';
import type { Widget } from './dashboard-definitions.ts';
import { WidgetCard } from './widget-card.tsx';
import { widgetTitle } from './widget-title.ts';
import { live, quietChart } from './widget-options.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function TimeWidget({ widget }: { widget: Extract<Widget, { kind: 'time' }> }) {
  const { t, formatNumber } = useI18n();
  const time = useQuery({
    queryKey: ['dashboard', 'time', widget.groupBy, widget.days],
    // The window ends today at each refresh: computed when fetched, not when rendered.
    queryFn: () =>
      api.get<TimeLogged>('/api/v1/reports/time-logged', {
        groupBy: widget.groupBy,
        from: isoDay(new Date(Date.now() - (widget.days - 1) * 86_400_000)),
      }),
    ...live,
  });
  const hours = t('home.time.hours');
  // Work types the system provides are named in the reader's language.
  const labelOf = (row: TimeLogged['items'][number]) =>
    row.label === null ? null : widget.groupBy === 'workType' ? systemName(row.label, t) : row.label;
  return (
    <WidgetCard
      title={widgetTitle(t, widget.title)}
      query={time}
      csv={(data) => [
        [
          t('home.csv.group'),
          hours,
          ...(data.withMoney ? [t('home.time.cost'), t('home.time.billable')] : []),
        ],
        ...data.items.map((row) => [
          labelOf(row) ?? String(row.key),
          row.hours,
          ...(data.withMoney ? [row.internalCost ?? 0, row.billableAmount ?? 0] : []),
        ]),
      ]}
    >
      {(data) =>
        data.items.length === 0 ? (
          <Text c="dimmed">{t('home.time.none', { days: widget.days })}</Text>
        ) : (
          <Stack gap="xs">
            <BarChart
              barChartProps={quietChart}
              h={180}
              data={data.items.map((row) => ({ name: labelOf(row) ?? String(row.key), [hours]: row.hours }))}
              dataKey="name"
              series={[{ name: hours, color: 'teal.6' }]}
              aria-hidden
            />
            <Table verticalSpacing={2} fz="sm" aria-label={widgetTitle(t, widget.title)}>
              <Table.Tbody>
                {data.items.map((row) => (
                  <Table.Tr key={String(row.key)}>
                    <Table.Td>{labelOf(row) ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      {t('home.time.hoursValue', { hours: formatNumber(row.hours, 2) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )
      }
    </WidgetCard>
  );
}

export function WorklistWidget({ widget }: { widget: Extract<Widget, { kind: 'worklist' }> }) {
  const { t } = useI18n();
  const names = useNames();
  const worklist = useQuery({ ...worklistQuery, ...live });
  return (
    <WidgetCard title={widgetTitle(t, widget.title)} query={worklist} height={120}>
      {(data) =>
        data.items.length === 0 ? (
          <Text c="dimmed">{t('home.worklist.empty')}</Text>
        ) : (
          <Stack gap={6}>
            {data.items.slice(0, 8).map((item) => (
              <div key={item.ticketId}>
                <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(item.ticketId) }} size="sm">
                  {item.ticket.number} · {item.ticket.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {names.status(item.ticket.statusId)} · {names.priority(item.ticket.priorityId)}
                </Text>
              </div>
            ))}
            <AnchorLink to="/worklist" size="sm">
              {t('home.worklist.all')}
            </AnchorLink>
          </Stack>
        )
      }
    </WidgetCard>
  );
}

export function RecentWidget({ widget }: { widget: Extract<Widget, { kind: 'recent' }> }) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  // The reader's own last activity (ACCESS-MODEL §2 timing): changes they cannot read do not move it.
  const recent = useQuery({
    queryKey: ['dashboard', 'recent'],
    queryFn: () => api.get<Page<Ticket>>('/api/v1/tickets', { sort: '-lastActivityAt', limit: 8 }),
    ...live,
  });
  return (
    <WidgetCard title={widgetTitle(t, widget.title)} query={recent} height={120}>
      {(data) =>
        data.items.length === 0 ? (
          <Text c="dimmed">{t('home.empty')}</Text>
        ) : (
          <Stack gap={6}>
            {data.items.map((ticket) => (
              <div key={ticket.id}>
                <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm">
                  {ticket.number} · {ticket.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {formatDateTime(ticket.lastActivityAt)} · {names.status(ticket.statusId)} ·{' '}
                  {names.company(ticket.companyId)}
                </Text>
              </div>
            ))}
          </Stack>
        )
      }
    </WidgetCard>
  );
}
