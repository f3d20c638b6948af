import { Button, Card, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface AdminColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Left out of the phone card (the card shows the first column as its title). */
  desktopOnly?: boolean;
  /** A narrow column (dates, badges) that should not wrap. */
  nowrap?: boolean;
}

/**
 * The rows of a paged API list (its cursor, "Load more"): a table at desk width, one card per row
 * on a phone. The card is the first column as its title and the others labelled below, unless the
 * caller draws its own (`card`). The query is the caller's, so searches and filters stay theirs.
 */
export function PagedList<Row extends { id: number }>({
  label,
  list,
  columns,
  card,
  empty,
  minWidth = 560,
}: {
  /** The table's (or card list's) accessible name. */
  label: string;
  list: UseInfiniteQueryResult<InfiniteData<Page<Row>>>;
  columns: readonly AdminColumn<Row>[];
  card?: (row: Row) => ReactNode;
  empty: string;
  minWidth?: number;
}) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [first, ...rest] = columns;
  const defaultCard = (row: Row) => (
    <>
      <Text fw={600}>{first?.cell(row)}</Text>
      {rest
        .filter((column) => !column.desktopOnly)
        .map((column) => (
          <Text size="sm" key={column.header}>
            <Text span c="dimmed" size="sm">
              {column.header}:{' '}
            </Text>
            {column.cell(row)}
          </Text>
        ))}
    </>
  );
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
              {(card ?? defaultCard)(row)}
            </Card>
          ))}
        </Stack>
      )}
      {rows.length > 0 && !isPhone && (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover aria-label={label}>
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
