import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Branding } from './contract.ts';

/** The MSP's name, colour and logo: public, read before sign-in, changed rarely. */
export const brandingQuery = queryOptions({
  queryKey: ['branding'] as const,
  queryFn: () => api.get<Branding>('/api/v1/branding'),
  staleTime: 10 * 60_000,
});

/** The branding once loaded; until then, the product's own name and colour. */
export function useBranding(): Branding {
  return useQuery(brandingQuery).data ?? { name: 'Tandem', accentColor: 'blue', logoUrl: null };
}
