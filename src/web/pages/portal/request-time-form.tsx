import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Ticket, TimeEntry, TimeEntryBody } from '../../api/contract.ts';
import { allPages, useReferenceList } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The internal help desk logs its own time on a request (Taskfire). Its role's rate is 0 and the
 * entry is readable by its own IT and the MSP, not by the requester (the server's default level).
 */
export function RequestTimeForm({ request }: { request: Ticket }) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const keys = queryKeys.ticket(request.id);
  const workTypes = useReferenceList('workTypes');
  const entries = useQuery({
    queryKey: keys.time,
    queryFn: () => allPages<TimeEntry>(`/api/v1/tickets/${request.id}/time-entries`),
  });
  const [hours, setHours] = useState<number | string>(0.5);
  const [workTypeId, setWorkTypeId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const log = useMutation({
    mutationFn: () =>
      api.post<TimeEntry>(`/api/v1/tickets/${request.id}/time-entries`, {
        workTypeId: Number(workTypeId),
        hours: Number(hours),
        summary: summary.trim(),
      } satisfies TimeEntryBody),
    onSuccess: async (entry) => {
      notifications.show({ color: 'green', message: t('portal.time.logged', { hours: entry.hours }) });
      setSummary('');
      await queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
  const total = (entries.data ?? []).reduce((sum, entry) => sum + Number(entry.hours), 0);

  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('portal.time.title')}
        onSubmit={(event) => {
          event.preventDefault();
          log.mutate();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('portal.time.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('portal.time.total', { hours: formatNumber(total) })}
            </Text>
          </Group>
          {log.isError && (
            <Alert color="red" role="alert">
              {log.error.message}
            </Alert>
          )}
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('portal.time.hours')}
              value={hours}
              onChange={setHours}
              min={0.25}
              max={24}
              step={0.25}
              decimalScale={2}
              w={110}
              required
            />
            <Select
              label={t('portal.time.workType')}
              data={workTypes.map((type) => ({ value: String(type.id), label: type.name }))}
              value={workTypeId}
              onChange={setWorkTypeId}
              required
              style={{ flex: '1 1 180px' }}
            />
          </Group>
          <TextInput
            label={t('portal.time.summary')}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            maxLength={2000}
            required
          />
          <Button
            type="submit"
            variant="default"
            loading={log.isPending}
            disabled={workTypeId === null || summary.trim() === '' || Number(hours) <= 0}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('portal.time.log')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
