/**
 * The audit log's filters in the URL. Ids and the object type keep the API's spelling; the date range
 * is two calendar days (the "to" day included). A malformed value is dropped rather than sent, so an
 * edited address shows the unfiltered log instead of an error.
 */
export interface AuditSearch {
  actorResourceId?: string;
  companyId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const id = /^[1-9][0-9]{0,9}$/;
const entityType = /^[a-z][a-z_]{0,99}$/;
const day = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  const found = text(value);
  return found !== undefined && pattern.test(found) ? found : undefined;
}

function validDay(value: unknown): string | undefined {
  const found = matching(value, day);
  return found !== undefined && !Number.isNaN(Date.parse(found)) ? found : undefined;
}

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const result: AuditSearch = {};
  const actor = matching(search.actorResourceId, id);
  if (actor) result.actorResourceId = actor;
  const company = matching(search.companyId, id);
  if (company) result.companyId = company;
  const type = matching(search.entityType, entityType);
  if (type) {
    result.entityType = type;
    const entity = text(search.entityId);
    if (entity && entity.length <= 100) result.entityId = entity;
  }
  const from = validDay(search.from);
  const to = validDay(search.to);
  if (from) result.from = from;
  // An empty range ("to" before "from") would be refused by the API: keep only the start.
  if (to && (!from || to >= from)) result.to = to;
  return result;
}
