import { useQuery } from '@tanstack/react-query';
import type { Contact, NotificationTemplate, Sla, WebhookSubscription } from '../../api/contract.ts';
import { allPages, referenceQueries, useReferenceList } from '../../api/queries.ts';
import { locationsQuery } from '../admin-config/sla-queries.ts';
import type { ChoiceKind } from './rule-vocabulary.ts';

export interface Choice {
  value: string;
  label: string;
}

export type RuleChoices = Record<
  ChoiceKind | 'coManagingUsers' | 'slas' | 'templates' | 'webhooks' | 'locations',
  Choice[]
>;

const byName = (rows: readonly { id: number; name: string }[]): Choice[] =>
  rows.map((row) => ({ value: String(row.id), label: row.name }));

const people = (rows: readonly { id: number; firstName: string; lastName: string }[]): Choice[] =>
  rows.map((row) => ({ value: String(row.id), label: `${row.firstName} ${row.lastName}` }));

const long = { staleTime: 60_000 };

/**
 * Everything a rule can point at, by name (a person by their name, never an id): the ticket
 * configuration in the reader's language, companies, people, contacts, SLAs, templates, webhooks
 * and locations. An administrator reads them all.
 */
export function useRuleChoices(): RuleChoices {
  const companies = useQuery(referenceQueries.companies).data ?? [];
  const resources = useQuery(referenceQueries.resources).data ?? [];
  const contacts = useQuery({
    queryKey: ['automation', 'rule-choices', 'contacts'],
    queryFn: () => allPages<Contact>('/api/v1/contacts'),
    ...long,
  }).data;
  const slas = useQuery({
    queryKey: ['automation', 'rule-choices', 'slas'],
    queryFn: () => allPages<Sla>('/api/v1/slas'),
    ...long,
  }).data;
  const templates = useQuery({
    queryKey: ['automation', 'rule-choices', 'templates'],
    queryFn: () => allPages<NotificationTemplate>('/api/v1/notification-templates'),
    ...long,
  }).data;
  const webhooks = useQuery({
    queryKey: ['automation', 'rule-choices', 'webhooks'],
    queryFn: () => allPages<WebhookSubscription>('/api/v1/webhook-subscriptions'),
    ...long,
  }).data;
  const locations = useQuery(locationsQuery).data ?? [];
  return {
    companies: byName(companies),
    queues: byName(useReferenceList('queues')),
    categories: byName(useReferenceList('categories')),
    priorities: byName(useReferenceList('priorities')),
    statuses: byName(useReferenceList('statuses')),
    sources: byName(useReferenceList('sources')),
    issueTypes: byName(useReferenceList('issueTypes')),
    resources: people(resources.filter((person) => person.licenceType !== 'api_only')),
    coManagingUsers: people(resources.filter((person) => person.licenceType === 'co_managed')),
    contacts: people(contacts ?? []),
    slas: byName(slas ?? []),
    templates: byName(templates ?? []),
    webhooks: byName(webhooks ?? []),
    locations: byName(locations),
  };
}
