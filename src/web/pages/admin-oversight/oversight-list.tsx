import { Button, Card, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface OversightColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** A narrow column (dates, badges) that should not wrap. */
  nowrap?: boolean;
}

/**
 * A log a page at a time (the API's cursor, "Load more"), as the admin kit's list looks: a table at
 * desk width, one card per entry on a phone (`card`). The query is the caller's, so its filters
 * stay in the URL.
 */
export function OversightList<Row extends { id: number }>({
  label,
  list,
  columns,
  card,
  empty,
}: {
  /** The table's (or card list's) accessible name. */
  label: string;
  list: UseInfiniteQueryResult<InfiniteData<Page<Row>>>;
  columns: readonly OversightColumn<Row>[];
  card: (row: Row) => ReactNode;
  empty: string;
}) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      {list.isLoading && <Loader role="status" aria-label={t('app.loading')} />}
      {list.isError && (
        <Text c="red.8" role="alert">
          {t('app.error', { message: list.error.message })}
        </Text>
      )}
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{empty}</Text>}
      {rows.length > 0 && isPhone && (
        <Stack gap="xs" role="list" aria-label={label}>
          {rows.map((row) => (
            <Card key={row.id} withBorder padding="sm" role="listitem">
              {card(row)}
            </Card>
          ))}
        </Stack>
      )}
      {rows.length > 0 && !isPhone && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header}>{column.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  {columns.map((column) => (
                    <Table.Td
                      key={column.header}
                      style={{ verticalAlign: 'top', whiteSpace: column.nowrap ? 'nowrap' : undefined }}
                    >
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          w="fit-content"
        >
          {t('kit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
