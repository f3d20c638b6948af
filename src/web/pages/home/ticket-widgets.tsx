import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.ts';
import type { OpenTrend, SlaPerformance, TicketCountGroup, TicketCounts } from '../../api/report-contract.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { systemName } from '../../lib/system-name.ts';
import type { TicketFilterParams, Widget } from './dashboard-definitions.ts';
import { WidgetCard } from './widget-card.tsx';
import { widgetTitle } from './widget-title.ts';
import { live, quietChart } from './widget-options.ts';

const palette = [
  'blue.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'indigo.6',
  'yellow.7',
];

/** The ticket list with exactly the filter a figure counted. */
function useDrill() {
  const navigate = useNavigate();
  return (filters: TicketFilterParams) => void navigate({ to: '/tickets', search: filters });
}

export function CountWidget({ widget }: { widget: Extract<Widget, { kind: 'count' }> }) {
  const { t, formatNumber } = useI18n();
  const count = useQuery({
    queryKey: ['dashboard', 'count', widget.filters],
    queryFn: () => api.get<{ count: number }>('/api/v1/tickets/count', widget.filters),
    ...live,
  });
  return (
    <WidgetCard title={widgetTitle(t, widget.title)} query={count} height={48}>
      {(data) => (
        <AnchorLink
          to="/tickets"
          search={widget.filters}
          underline="never"
          aria-label={`${widgetTitle(t, widget.title)}: ${data.count}`}
        >
          <Text fz={36} fw={700} lh={1.1} data-testid="widget-count">
            {formatNumber(data.count, 0)}
          </Text>
        </AnchorLink>
      )}
    </WidgetCard>
  );
}

export function GroupsWidget({ widget }: { widget: Extract<Widget, { kind: 'groups' }> }) {
  const { t } = useI18n();
  const drill = useDrill();
  const groups = useQuery({
    queryKey: ['dashboard', 'groups', widget.groupBy, widget.filters],
    queryFn: () =>
      api.get<TicketCounts>('/api/v1/reports/ticket-counts', { ...widget.filters, groupBy: widget.groupBy }),
    ...live,
  });
  // Configuration the system provides is named in the reader's language; companies and people as they are.
  const configured = ['status', 'priority', 'queue', 'category'].includes(widget.groupBy);
  const labelOf = (group: TicketCountGroup) =>
    group.label === null
      ? t(`home.none.${widget.groupBy}` as 'home.none.queue')
      : configured
        ? systemName(group.label, t)
        : group.label;
  const filterOf = (group: TicketCountGroup) => ({ ...widget.filters, ...group.filter });
  return (
    <WidgetCard
      title={widgetTitle(t, widget.title)}
      query={groups}
      csv={(data) => [
        [t('home.csv.group'), t('home.csv.count')],
        ...data.items.map((group) => [labelOf(group), group.count]),
      ]}
    >
      {(data) => {
        if (data.items.length === 0) return <Text c="dimmed">{t('home.empty')}</Text>;
        const rows = data.items.map((group, index) => ({
          name: labelOf(group),
          value: group.count,
          color: palette[index % palette.length] ?? 'blue.6',
          group,
        }));
        return (
          <Stack gap="xs">
            {widget.display === 'bar' && (
              <BarChart
                barChartProps={quietChart}
                h={200}
                data={rows.map((row) => ({ name: row.name, [t('home.csv.count')]: row.value }))}
                dataKey="name"
                series={[{ name: t('home.csv.count'), color: 'blue.6' }]}
                tickLine="y"
                aria-hidden
              />
            )}
            {widget.display === 'donut' && (
              <Group justify="center">
                <DonutChart
                  pieChartProps={quietChart}
                  pieProps={{ rootTabIndex: -1 }}
                  data={rows.map(({ name, value, color }) => ({ name, value, color }))}
                  size={150}
                  thickness={24}
                  aria-hidden
                />
              </Group>
            )}
            {/* The figures as links: what a screen reader reads, and the drill-in for everyone. */}
            <Table verticalSpacing={2} fz="sm" aria-label={widgetTitle(t, widget.title)}>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={String(row.group.key)}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        fz="sm"
                        onClick={() => drill(filterOf(row.group))}
                      >
                        {row.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="group-count">
                      {row.value}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      }}
    </WidgetCard>
  );
}

export function TrendWidget({ widget }: { widget: Extract<Widget, { kind: 'trend' }> }) {
  const { t, formatDate } = useI18n();
  const trend = useQuery({
    queryKey: ['dashboard', 'trend', widget.days, widget.filters],
    queryFn: () => api.get<OpenTrend>('/api/v1/reports/open-trend', { ...widget.filters, days: widget.days }),
    ...live,
  });
  const open = t('home.trend.open');
  const created = t('home.trend.created');
  const completed = t('home.trend.completed');
  return (
    <WidgetCard
      title={widgetTitle(t, widget.title)}
      query={trend}
      csv={(data) => [
        [t('home.csv.day'), open, created, completed],
        ...data.items.map((day) => [day.day, day.open, day.created, day.completed]),
      ]}
    >
      {(data) => {
        const last = data.items.at(-1);
        return (
          <Stack gap="xs">
            <LineChart
              lineChartProps={quietChart}
              h={200}
              data={data.items.map((day) => ({
                day: formatDate(`${day.day}T12:00:00Z`),
                [open]: day.open,
                [created]: day.created,
                [completed]: day.completed,
              }))}
              dataKey="day"
              series={[
                { name: open, color: 'blue.6' },
                { name: created, color: 'orange.6' },
                { name: completed, color: 'teal.6' },
              ]}
              curveType="monotone"
              withDots={false}
              withLegend
              aria-hidden
            />
            {last && (
              <Text size="sm">
                <AnchorLink to="/tickets" search={{ ...widget.filters, open: 'true' }}>
                  {t('home.trend.summary', {
                    open: last.open,
                    created: last.created,
                    completed: last.completed,
                  })}
                </AnchorLink>
              </Text>
            )}
          </Stack>
        );
      }}
    </WidgetCard>
  );
}

export function SlaWidget({ widget }: { widget: Extract<Widget, { kind: 'sla' }> }) {
  const { t } = useI18n();
  const sla = useQuery({
    queryKey: ['dashboard', 'sla', widget.days, widget.filters],
    queryFn: () =>
      api.get<SlaPerformance>('/api/v1/reports/sla-performance', { ...widget.filters, days: widget.days }),
    ...live,
  });
  const states = ['met', 'breached', 'atRisk', 'running', 'paused'] as const;
  return (
    <WidgetCard
      title={widgetTitle(t, widget.title)}
      query={sla}
      csv={(data) => [
        [t('home.sla.objective'), ...states.map((state) => t(`home.sla.${state}`))],
        ...data.items.map((row) => [
          t(`home.sla.objective.${row.objective}`),
          ...states.map((state) => row[state]),
        ]),
      ]}
    >
      {(data) =>
        data.items.length === 0 ? (
          <Text c="dimmed">{t('home.sla.none')}</Text>
        ) : (
          // Scrolls sideways on a phone: focusable so a keyboard can scroll it too.
          <div
            tabIndex={0}
            role="group"
            aria-label={widgetTitle(t, widget.title)}
            style={{ overflowX: 'auto' }}
          >
            <Table fz="sm" miw={360}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.sla.objective')}</Table.Th>
                  {states.map((state) => (
                    <Table.Th key={state} ta="right">
                      {t(`home.sla.${state}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((row) => (
                  <Table.Tr key={row.objective}>
                    <Table.Td>{t(`home.sla.objective.${row.objective}`)}</Table.Td>
                    {states.map((state) => (
                      <Table.Td key={state} ta="right">
                        {row[state] === 0 ? (
                          0
                        ) : (
                          <AnchorLink
                            to="/tickets"
                            search={{
                              ...widget.filters,
                              createdFrom: data.from,
                              slaTarget: `${row.objective}:${state}`,
                            }}
                            c={state === 'breached' ? 'red.8' : undefined}
                            aria-label={t('home.sla.drill', {
                              count: row[state],
                              objective: t(`home.sla.objective.${row.objective}`),
                              state: t(`home.sla.${state}`),
                            })}
                          >
                            {row[state]}
                          </AnchorLink>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )
      }
    </WidgetCard>
  );
}
