import { queryOptions } from '@tanstack/react-query';
import { allPages } from '../../api/queries.ts';

export const slaQueryKey = ['adminConfig', 'slas'] as const;

/** Only what the SLA screens need of a location: whose hours the clock counts, by name. */
interface LocationName {
  id: number;
  name: string;
}

export const locationsQuery = queryOptions({
  queryKey: ['adminConfig', 'locations'],
  queryFn: () => allPages<LocationName>('/api/v1/locations'),
  staleTime: 60_000,
});
