import { Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../api/contract.ts';
import { type AdminColumn, PagedList } from './paged-list.tsx';

export type { AdminColumn };

/**
 * A searchable admin list, a page at a time from the API's cursor (`q`, `cursor`, `limit`).
 * `fetchPage` is the API call; `queryKey` is extended with the search text, so each search is
 * cached on its own.
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
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const list = useInfiniteQuery({
    queryKey: [...queryKey, { q: search }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage({ q: search, cursor: pageParam, limit: pageSize }),
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <Stack gap="sm">
      <TextInput
        label={searchLabel}
        type="search"
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={360}
      />
      <PagedList label={label} list={list} columns={columns} empty={empty} />
    </Stack>
  );
}
