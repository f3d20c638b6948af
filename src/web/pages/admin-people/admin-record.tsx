import { Loader } from '@mantine/core';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { NotFoundPage } from '../not-found.tsx';

/**
 * The record an admin page edits, from its URL parameter: 'new' is none yet (an empty form), an id
 * is loaded first. Not an administrator, or no such record: the app's "not found", as the API
 * answers. The editor is keyed by the record, so opening another one starts a fresh form.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names what the API answers, as api.get<T> does
export function AdminRecord<T extends { id: number }>({
  param,
  path,
  queryKey,
  editor,
}: {
  param: string;
  /** The collection, e.g. '/api/v1/roles'. */
  path: string;
  queryKey: (id: number) => QueryKey;
  editor: (record: T | null) => ReactNode;
}) {
  const me = useMe();
  const id = param === 'new' ? null : Number(param);
  const record = useQuery({
    queryKey: queryKey(id ?? 0),
    queryFn: () => api.get<T>(`${path}/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || record.isError) return <NotFoundPage />;
  if (id !== null && !record.data) return <Loader />;
  return <Fragment key={record.data?.id ?? 'new'}>{editor(record.data ?? null)}</Fragment>;
}
