import { Button, Checkbox, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { api, isApiError } from '../api/client.ts';
import type { TimeEntry, TimeEntryBody } from '../api/contract.ts';
import { useReferenceList } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PublishLevelSelect } from './publish-level.tsx';

/** Logs time on a ticket: typed hours, or the stopwatch's start and end. */
export function LogTimeForm({
  ticketId,
  stopwatchStartedAt,
  onLogged,
}: {
  ticketId: number;
  stopwatchStartedAt?: string;
  onLogged?: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const workTypes = useReferenceList('workTypes').filter((type) => type.active);
  const [endedAt] = useState(() => new Date().toISOString());
  const measuredHours =
    stopwatchStartedAt === undefined
      ? null
      : (Date.parse(endedAt) - Date.parse(stopwatchStartedAt)) / 3_600_000;
  const initialHours = measuredHours === null ? 0.25 : Math.max(0.01, Math.ceil(measuredHours * 100) / 100);
  const [hours, setHours] = useState<number>(initialHours);
  const [summary, setSummary] = useState('');
  const [workTypeId, setWorkTypeId] = useState<string | null>(null);
  const [billable, setBillable] = useState(false);
  const [publishLevel, setPublishLevel] = useState<PublishLevel | null>(null);
  const [allowed, setAllowed] = useState<PublishLevel[] | null>(null);

  const log = useMutation({
    mutationFn: () => {
      // The stopwatch's times are sent when they still say what the form says (a minute or more, unchanged).
      const useTimes =
        stopwatchStartedAt !== undefined && hours === initialHours && (measuredHours ?? 0) >= 1 / 60;
      return api.post<TimeEntry>(`/api/v1/tickets/${ticketId}/time-entries`, {
        workTypeId: Number(workTypeId),
        summary: summary.trim(),
        billable,
        ...(useTimes ? { startedAt: stopwatchStartedAt, endedAt } : { hours: hours.toFixed(2) }),
        ...(publishLevel ? { publishLevel } : {}),
      } satisfies TimeEntryBody);
    },
    onSuccess: async (entry) => {
      notifications.show({ color: 'green', message: t('time.logged', { hours: formatNumber(entry.hours) }) });
      setSummary('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId).all });
      onLogged?.();
    },
    onError: (error) => {
      if (isApiError(error, 422) && Array.isArray(error.details.allowed))
        setAllowed(error.details.allowed as PublishLevel[]);
      notifications.show({ color: 'red', message: error.message });
    },
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        log.mutate();
      }}
      aria-label={t('time.log')}
    >
      <Stack gap="xs">
        <Select
          label={t('time.workType')}
          required
          value={workTypeId}
          onChange={setWorkTypeId}
          data={workTypes.map((type) => ({ value: String(type.id), label: type.name }))}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label={t('time.hours')}
          required
          min={0.01}
          max={24}
          step={0.25}
          decimalScale={2}
          value={hours}
          onChange={(value) => {
            setHours(typeof value === 'number' ? value : Number(value));
          }}
        />
        <Textarea
          label={t('time.summary')}
          required
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <PublishLevelSelect
          label={t('time.publishLevel')}
          value={publishLevel}
          onChange={setPublishLevel}
          allowed={allowed}
        />
        <Checkbox
          label={t('time.billable')}
          checked={billable}
          onChange={(event) => setBillable(event.currentTarget.checked)}
        />
        <Button
          type="submit"
          loading={log.isPending}
          disabled={!workTypeId || summary.trim() === '' || !(hours > 0)}
        >
          {t('time.log')}
        </Button>
      </Stack>
    </form>
  );
}
