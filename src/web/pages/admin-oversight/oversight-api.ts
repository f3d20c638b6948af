/**
 * The API shapes and cache keys of the oversight screens (audit log, incoming mail), inferred from
 * the server's schemas with type-only imports, as contract.ts does.
 */
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../modules/audit/audit.schemas.ts';
import type {
  incomingMailOutcomes,
  incomingMailSchema,
} from '../../../modules/mail/incoming-mail.schemas.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import type { AuditSearch } from './audit-search.ts';

export type AuditEntry = z.output<typeof auditEntrySchema>;
export type IncomingMail = z.output<typeof incomingMailSchema>;
export type IncomingMailOutcome = (typeof incomingMailOutcomes)[number];

export const oversightKeys = {
  audit: (search: AuditSearch) => ['admin-oversight', 'audit', search] as const,
  mail: ['admin-oversight', 'incoming-mail'] as const,
};

/** A local calendar day (YYYY-MM-DD) as the instant it starts, in the browser's time zone. */
export function startOfDay(day: string, addDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + addDays).toISOString();
}

/** The URL's filters in the API's spelling; the "to" day is inclusive, so the range ends the next midnight. */
export function auditParams(search: AuditSearch, cursor: string | null, limit: number) {
  return {
    limit,
    cursor,
    actorResourceId: search.actorResourceId,
    companyId: search.companyId,
    entityType: search.entityType,
    entityId: search.entityType ? search.entityId : undefined,
    occurredFrom: search.from ? startOfDay(search.from) : undefined,
    occurredBefore: search.to ? startOfDay(search.to, 1) : undefined,
  };
}

export function fetchAuditPage(search: AuditSearch, cursor: string | null, limit: number) {
  return api.get<Page<AuditEntry>>('/api/v1/audit-log', auditParams(search, cursor, limit));
}

export function fetchMailPage(cursor: string | null, limit: number) {
  return api.get<Page<IncomingMail>>('/api/v1/incoming-mail', { limit, cursor });
}
