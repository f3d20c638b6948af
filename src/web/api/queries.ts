import { MutationCache, QueryCache, QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client.ts';
import type {
  Company,
  IssueType,
  Items,
  Me,
  NoteType,
  Page,
  Queue,
  Resource,
  TicketCategory,
  TicketDetail,
  TicketPriority,
  TicketSource,
  TicketStatus,
  WorkType,
  Worklist,
} from './contract.ts';
import { useCallback } from 'react';
import { queryKeys } from './query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { systemName, withSystemName } from '../lib/system-name.ts';

/** A session that ended (idle, signed out elsewhere, revoked) sends the user back to sign in, then here. */
function onApiError(error: Error): void {
  if (!isApiError(error, 401) || window.location.pathname === '/sign-in') return;
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 401/403/404 will not change by asking again.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/v1/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 401) || isApiError(error, 403)) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe needs a signed-in user');
  return data;
}

/** Reads every page of a small list (companies, a ticket's time and history): at most `maxPages` × 200 rows. */
export async function allPages<T>(
  path: string,
  query: Record<string, string> = {},
  maxPages = 10,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 200, cursor });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return items;
}

const long = { staleTime: 5 * 60_000 };
const items = <T>(path: string) => api.get<Items<T>>(path).then((result) => result.items);

export const referenceQueries = {
  statuses: queryOptions({
    queryKey: queryKeys.reference.statuses,
    queryFn: () => items<TicketStatus>('/api/v1/ticket-statuses'),
    ...long,
  }),
  priorities: queryOptions({
    queryKey: queryKeys.reference.priorities,
    queryFn: () => items<TicketPriority>('/api/v1/ticket-priorities'),
    ...long,
  }),
  queues: queryOptions({
    queryKey: queryKeys.reference.queues,
    queryFn: () => items<Queue>('/api/v1/queues'),
    ...long,
  }),
  categories: queryOptions({
    queryKey: queryKeys.reference.categories,
    queryFn: () => items<TicketCategory>('/api/v1/ticket-categories'),
    ...long,
  }),
  sources: queryOptions({
    queryKey: queryKeys.reference.sources,
    queryFn: () => items<TicketSource>('/api/v1/ticket-sources'),
    ...long,
  }),
  issueTypes: queryOptions({
    queryKey: queryKeys.reference.issueTypes,
    queryFn: () => items<IssueType>('/api/v1/issue-types'),
    ...long,
  }),
  workTypes: queryOptions({
    queryKey: queryKeys.reference.workTypes,
    queryFn: () => items<WorkType>('/api/v1/work-types'),
    ...long,
  }),
  noteTypes: queryOptions({
    queryKey: queryKeys.reference.noteTypes,
    queryFn: () => items<NoteType>('/api/v1/note-types'),
    ...long,
  }),
  companies: queryOptions({
    queryKey: queryKeys.reference.companies,
    queryFn: () => allPages<Company>('/api/v1/companies'),
    ...long,
  }),
  resources: queryOptions({
    queryKey: queryKeys.reference.resources,
    queryFn: () => allPages<Resource>('/api/v1/resources'),
    ...long,
  }),
};

export const ticketDetailQuery = (ticketId: number) =>
  queryOptions({
    queryKey: queryKeys.ticket(ticketId).detail,
    queryFn: () => api.get<TicketDetail>(`/api/v1/tickets/${ticketId}`),
  });

export const worklistQuery = queryOptions({
  queryKey: queryKeys.worklist,
  queryFn: () => api.get<Worklist>('/api/v1/worklist'),
});

/** The reference lists whose rows carry a configuration name. */
interface NamedReferenceRows {
  statuses: TicketStatus;
  priorities: TicketPriority;
  queues: Queue;
  categories: TicketCategory;
  sources: TicketSource;
  issueTypes: IssueType;
  workTypes: WorkType;
  noteTypes: NoteType;
}

/**
 * A reference list to show (pickers, filters, names): the names the system provides in the reader's
 * language (`systemName`). Only this view is renamed — the cache keeps the stored names, which the
 * admin screens list and edit under the same keys.
 */
export function useReferenceList<K extends keyof NamedReferenceRows>(kind: K): NamedReferenceRows[K][] {
  const { t } = useI18n();
  const select = useCallback(
    (rows: NamedReferenceRows[K][]) => rows.map((row) => withSystemName(row, t)),
    [t],
  );
  const { queryKey, queryFn, staleTime } = referenceQueries[kind] as unknown as {
    queryKey: readonly unknown[];
    queryFn: () => Promise<NamedReferenceRows[K][]>;
    staleTime: number;
  };
  return useQuery({ queryKey, queryFn, staleTime, select }).data ?? [];
}

/** id → name lookups for the reference lists, system names in the reader's language; unknown ids show as "#id". */
export function useNames() {
  const { t } = useI18n();
  const statuses = useQuery(referenceQueries.statuses).data ?? [];
  const priorities = useQuery(referenceQueries.priorities).data ?? [];
  const queues = useQuery(referenceQueries.queues).data ?? [];
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const companies = useQuery(referenceQueries.companies).data ?? [];
  const resources = useQuery(referenceQueries.resources).data ?? [];
  const name = (rows: { id: number; name: string }[]) => (id: number | null | undefined) => {
    if (id === null || id === undefined) return '—';
    const row = rows.find((candidate) => candidate.id === id);
    return row ? systemName(row.name, t) : `#${id}`;
  };
  return {
    status: name(statuses),
    priority: name(priorities),
    queue: name(queues),
    category: name(categories),
    company: name(companies),
    /**
     * A person by name, never by id: the name the row came with (`known`: the server names the people
     * on what the reader can read), else from the people the reader may list, else "someone".
     */
    resource: (id: number | null | undefined, known?: string | null) => {
      if (id === null || id === undefined) return '—';
      if (known) return known;
      const person = resources.find((row) => row.id === id);
      return person ? `${person.firstName} ${person.lastName}` : t('history.someone');
    },
    statusMeaning: (id: number) => statuses.find((row) => row.id === id)?.meaning,
  };
}
