import { Button, Card, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Page } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface AdminColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Left out of the phone card (the card shows the first column as its title). */
  desktopOnly?: boolean;
}

/**
 * A searchable admin list, a page at a time from the API's cursor (`q`, `cursor`, `limit`): a table
 * at desk width, one card per row on a phone. `fetchPage` is the API call; `queryKey` is extended
 * with the search text, so each search is cached on its own.
 */
export function AdminList<Row extends { id: number }>({
  label,
  searchLabel,
  queryKey,
  fetchPage,
  columns,
  empty,
  pageSize = 50,
}: {
  /** The table's accessible name. */
  label: string;
  searchLabel: string;
  queryKey: QueryKey;
  fetchPage: (query: { q: string; cursor: string | null; limit: number }) => Promise<Page<Row>>;
  columns: readonly AdminColumn<Row>[];
  empty: string;
  pageSize?: number;
}) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const list = useInfiniteQuery({
    queryKey: [...queryKey, { q: search }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage({ q: search, cursor: pageParam, limit: pageSize }),
    getNextPageParam: (page) => page.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [first, ...rest] = columns;
  return (
    <Stack gap="sm">
      <TextInput
        label={searchLabel}
        type="search"
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={360}
      />
      {list.isLoading && <Loader role="status" aria-label={t('app.loading')} />}
      {list.isError && (
        <Text c="red.8" role="alert">
          {t('app.error', { message: list.error.message })}
        </Text>
      )}
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{empty}</Text>}
      {rows.length > 0 && isPhone && first && (
        <Stack gap="xs" role="list" aria-label={label}>
          {rows.map((row) => (
            <Card key={row.id} withBorder padding="sm" role="listitem">
              <Text fw={600}>{first.cell(row)}</Text>
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
            </Card>
          ))}
        </Stack>
      )}
      {rows.length > 0 && !isPhone && (
        <Table.ScrollContainer minWidth={560}>
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
                    <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
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
