import { Badge, Group, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { atRiskColor } from './sla-colors.ts';
import { timeSpan } from '../lib/time-span.ts';

interface TicketSla {
  sla: {
    name: string;
    pausedAt: string | null;
    targets: { objective: string; dueAt: string | null; metAt: string | null; breachedAt: string | null }[];
  } | null;
}

/** "now", moving every 30 s so "due in 12 min" counts down without a refetch. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The ticket's SLA clocks (first response, resolution …): due, remaining, paused, met, breached. */
export function TicketSlaTimers({ ticketId }: { ticketId: number }) {
  const { t, formatDateTime } = useI18n();
  const now = useNow();
  const sla = useQuery({
    queryKey: ['ticket', ticketId, 'sla'],
    queryFn: () => api.get<TicketSla>(`/api/v1/tickets/${ticketId}/sla`),
    refetchInterval: 60_000,
    retry: false,
  });
  const data = sla.data?.sla;
  if (!data) return null;
  return (
    <Group gap="xs" aria-label={t('sla.timers', { name: data.name })} role="group" data-testid="sla-timers">
      {data.targets.map((target) => {
        const objective = t(`home.sla.objective.${target.objective}` as 'home.sla.objective.resolved');
        let text: string;
        let color: string;
        let when: string | null = null;
        if (target.metAt) {
          text = t('sla.met', { objective });
          color = 'teal.9';
          when = formatDateTime(target.metAt);
        } else if (target.breachedAt) {
          text = t('sla.breached', {
            objective,
            ago: timeSpan((now - Date.parse(target.breachedAt)) / 60_000),
          });
          color = 'red.9';
          when = formatDateTime(target.breachedAt);
        } else if (target.dueAt === null || data.pausedAt) {
          text = t('sla.paused', { objective });
          color = 'gray.7';
        } else {
          const left = (Date.parse(target.dueAt) - now) / 60_000;
          text =
            left >= 0
              ? t('sla.dueIn', { objective, left: timeSpan(left) })
              : t('sla.overdue', { objective, ago: timeSpan(left) });
          color = left >= 0 ? (left < 60 ? atRiskColor : 'blue.9') : 'red.9';
          when = formatDateTime(target.dueAt);
        }
        return (
          <Tooltip key={target.objective} label={when ?? text} disabled={when === null}>
            <Badge color={color} variant="filled" tt="none" data-testid="sla-timer">
              {text}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
