/** The co-managed setup's address: which way in, and what is selected (links from warnings land here). */
export type CoManagedView = 'company' | 'person' | 'team';

export interface CoManagedSearch {
  view?: CoManagedView;
  company?: string;
  person?: string;
  team?: string;
  queue?: string;
}

export function validateCoManagedSearch(search: Record<string, unknown>): CoManagedSearch {
  const out: CoManagedSearch = {};
  for (const key of ['company', 'person', 'team', 'queue'] as const) {
    const value = search[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  if (search.view === 'company' || search.view === 'person' || search.view === 'team') out.view = search.view;
  return out;
}
