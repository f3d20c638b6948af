import { ActionIcon, Alert, Card, Group, Skeleton, Stack, Title, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { downloadCsv } from '../../lib/csv.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type CsvRows = readonly (readonly (string | number | null)[])[];

/**
 * One widget's frame: its title, a CSV export of exactly what it shows, a skeleton while it loads
 * and its own error when it fails — one slow or failing widget never blanks the dashboard.
 */
export function WidgetCard<T>({
  title,
  query,
  csv,
  children,
  height = 220,
}: {
  title: string;
  query: UseQueryResult<T>;
  /** The rows to export, header first; no export button without them. */
  csv?: (data: T) => CsvRows;
  children: (data: T) => ReactNode;
  height?: number;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5" id={headingId}>
            {title}
          </Title>
          {csv && query.data !== undefined && (
            <Tooltip label={t('home.exportCsv')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('home.exportCsvOf', { title })}
                onClick={() => downloadCsv(`${title}.csv`, csv(query.data as T))}
              >
                <IconDownload size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {query.isPending && (
          <Skeleton height={height} radius="sm" aria-label={t('app.loading')} role="status" />
        )}
        {query.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('home.widgetFailed', { message: query.error.message })}
          </Alert>
        )}
        {query.data !== undefined && children(query.data)}
      </Stack>
    </Card>
  );
}
