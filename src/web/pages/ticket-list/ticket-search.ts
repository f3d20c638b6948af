import { getRouteApi } from '@tanstack/react-router';
import type { TicketListParams, TicketSort } from '../../api/contract.ts';

/**
 * The list's filters, spelled as the API's query string spells them, so a saved view goes
 * straight onto the URL (and the URL straight into the request).
 */
export const filterKeys = [
  'q',
  'statusId',
  'priorityId',
  'queueId',
  'companyId',
  'assignee',
  'open',
  'sla',
  'sort',
  // Set by a dashboard figure's drill-in; shown above the list as removable chips.
  ...([
    'categoryId',
    'primaryResourceId',
    'coManagedVisible',
    'createdOn',
    'createdFrom',
    'completedOn',
    'openOn',
    'slaTarget',
  ] as const),
] as const satisfies readonly (keyof TicketListParams)[];

/** The filters only a drill-in sets (the filter panel has no field for them). */
export const drillKeys = [
  'categoryId',
  'primaryResourceId',
  'coManagedVisible',
  'createdOn',
  'createdFrom',
  'completedOn',
  'openOn',
  'slaTarget',
] as const;
type FilterKey = (typeof filterKeys)[number];

/** The list's URL search: its filters, and the saved view they came from (if any). */
export type TicketSearch = Partial<Record<FilterKey | 'view', string>>;

export function validateTicketSearch(search: Record<string, unknown>): TicketSearch {
  const result: TicketSearch = {};
  for (const key of [...filterKeys, 'view'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value !== '') result[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') result[key] = String(value);
  }
  return result;
}

export const defaultSort: TicketSort = '-lastActivityAt';
export const ticketSorts = [
  '-lastActivityAt',
  'lastActivityAt',
  '-createdAt',
  'createdAt',
  'dueAt',
  '-dueAt',
] as const satisfies readonly TicketSort[];

/** The search's filters for a request; counts and exports leave the sort out (it changes nothing there). */
export function filtersOf(search: TicketSearch, withSort: boolean): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search[key];
    if (value !== undefined && (withSort || key !== 'sort')) filters[key] = value;
  }
  return filters;
}

/** The list route's search and navigation, for the components of the list page. */
export const ticketListRoute = getRouteApi('/app/tickets');
