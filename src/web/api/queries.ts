import { MutationCache, QueryCache, QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client.ts';
import type {
  Company,
  Me,
  Named,
  NoteType,
  Page,
  Queue,
  Resource,
  TicketCategory,
  TicketStatus,
  WorkType,
  Worklist,
} from './types.ts';

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
  queryKey: ['me'],
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

/** Reads every page of a small list (configuration, companies): at most `maxPages` × 200 rows. */
async function allPages<T>(path: string, query: Record<string, string> = {}, maxPages = 10): Promise<T[]> {
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
const items = <T>(path: string) => api.get<{ items: T[] }>(path).then((result) => result.items);

export const referenceQueries = {
  statuses: queryOptions({
    queryKey: ['statuses'],
    queryFn: () => items<TicketStatus>('/api/v1/ticket-statuses'),
    ...long,
  }),
  priorities: queryOptions({
    queryKey: ['priorities'],
    queryFn: () => items<Named & { sortOrder: number }>('/api/v1/ticket-priorities'),
    ...long,
  }),
  queues: queryOptions({ queryKey: ['queues'], queryFn: () => items<Queue>('/api/v1/queues'), ...long }),
  categories: queryOptions({
    queryKey: ['categories'],
    queryFn: () => items<TicketCategory>('/api/v1/ticket-categories'),
    ...long,
  }),
  sources: queryOptions({
    queryKey: ['sources'],
    queryFn: () => items<Named>('/api/v1/ticket-sources'),
    ...long,
  }),
  issueTypes: queryOptions({
    queryKey: ['issueTypes'],
    queryFn: () => items<Named>('/api/v1/issue-types'),
    ...long,
  }),
  workTypes: queryOptions({
    queryKey: ['workTypes'],
    queryFn: () => items<WorkType>('/api/v1/work-types'),
    ...long,
  }),
  noteTypes: queryOptions({
    queryKey: ['noteTypes'],
    queryFn: () => items<NoteType>('/api/v1/note-types'),
    ...long,
  }),
  companies: queryOptions({
    queryKey: ['companies', 'all'],
    queryFn: () => allPages<Company>('/api/v1/companies'),
    ...long,
  }),
  resources: queryOptions({
    queryKey: ['resources', 'all'],
    queryFn: () => allPages<Resource>('/api/v1/resources'),
    ...long,
  }),
};

export const worklistQuery = queryOptions({
  queryKey: ['worklist'],
  queryFn: () => api.get<Worklist>('/api/v1/worklist'),
});

/** id → name lookups for the reference lists; unknown ids show as "#id". */
export function useNames() {
  const statuses = useQuery(referenceQueries.statuses).data ?? [];
  const priorities = useQuery(referenceQueries.priorities).data ?? [];
  const queues = useQuery(referenceQueries.queues).data ?? [];
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const companies = useQuery(referenceQueries.companies).data ?? [];
  const resources = useQuery(referenceQueries.resources).data ?? [];
  const name = (rows: { id: number; name: string }[]) => (id: number | null | undefined) =>
    id === null || id === undefined ? '—' : (rows.find((row) => row.id === id)?.name ?? `#${id}`);
  return {
    status: name(statuses),
    priority: name(priorities),
    queue: name(queues),
    category: name(categories),
    company: name(companies),
    resource: (id: number | null | undefined) => {
      if (id === null || id === undefined) return '—';
      const person = resources.find((row) => row.id === id);
      return person ? `${person.firstName} ${person.lastName}` : `#${id}`;
    },
    statusMeaning: (id: number) => statuses.find((row) => row.id === id)?.meaning,
  };
}
