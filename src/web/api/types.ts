import type { LicenceType, PublishLevel, StatusMeaning } from '../../shared/access-vocabulary.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Abilities {
  view: boolean;
  edit: boolean;
  delete: boolean;
}

export interface Me {
  id: number;
  email: string;
  displayName: string;
  licence: LicenceType;
  locale: string;
  companyId: number;
  contactId: number | null;
  securityLevel: { id: number; name: string };
  isAdmin: boolean;
  canViewInternalCost: boolean;
  reach: 'all' | { id: number; name: string }[];
  features: { coManagedHelpDesk: boolean };
  csrfToken: string | null;
}

export interface TicketAbilities extends Abilities {
  transferToCoManaged: boolean;
  escalateToMsp: boolean;
}

export interface Ticket {
  id: number;
  number: string;
  title: string;
  description: string;
  companyId: number;
  contactId: number | null;
  statusId: number;
  priorityId: number;
  queueId: number | null;
  categoryId: number;
  issueTypeId: number | null;
  subIssueTypeId: number | null;
  sourceId: number | null;
  dueAt: string | null;
  estimatedHours: string | null;
  primaryResourceId: number | null;
  primaryRoleId: number | null;
  secondaryResources: { resourceId: number; roleId: number | null }[];
  coManagedVisible: boolean;
  version: number;
  createdByResourceId: number | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  completedAt: string | null;
  abilities: TicketAbilities;
}

export interface ChecklistItem {
  id: number;
  title: string;
  important: boolean;
  position: number;
  completedAt: string | null;
  completedByResourceId: number | null;
}

export type TicketDetail = Ticket & { checklist: ChecklistItem[] };

export interface HistoryEntry {
  id: number;
  occurredAt: string;
  actorResourceId: number | null;
  kind: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export interface Note {
  id: number;
  ticketId: number;
  noteTypeId: number | null;
  publishLevel: PublishLevel;
  publishLevelLabel: string;
  title: string | null;
  body: string;
  createdByResourceId: number | null;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities;
}

export interface Attachment {
  id: number;
  ticketId: number;
  noteId: number | null;
  publishLevel: PublishLevel;
  publishLevelLabel: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  downloadUrl: string;
  createdByResourceId: number | null;
  createdAt: string;
  abilities: Abilities;
}

export interface TimeEntry {
  id: number;
  ticketId: number;
  resourceId: number;
  roleId: number;
  workTypeId: number;
  startedAt: string | null;
  endedAt: string | null;
  hours: string;
  summary: string;
  billable: boolean;
  publishLevel: PublishLevel;
  createdAt: string;
  internalCost?: string;
  billableAmount?: string;
  abilities: Abilities;
}

export interface Company {
  id: number;
  name: string;
  companyType: string;
  parentCompanyId: number | null;
  coManagedEnabled: boolean;
  active: boolean;
  phone: string | null;
  website: string | null;
  city: string | null;
  countryCode: string | null;
  abilities: Abilities;
}

export interface Contact {
  id: number;
  companyId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  active: boolean;
  abilities: Abilities;
}

export interface Resource {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  licenceType: LicenceType;
  companyId: number;
  active: boolean;
}

export interface Named {
  id: number;
  name: string;
  active: boolean;
}

export interface TicketStatus extends Named {
  meaning: StatusMeaning;
  sortOrder: number;
}

export type FieldRuleKey =
  | 'contact'
  | 'priority'
  | 'queue'
  | 'issueType'
  | 'subIssueType'
  | 'source'
  | 'dueAt'
  | 'estimatedHours'
  | 'primaryResource'
  | 'description';

export interface TicketCategory extends Named {
  isDefault: boolean;
  coManagedVisibleByDefault: boolean;
  stopwatchEnabled: boolean;
  fieldRules: Partial<Record<FieldRuleKey, { visible: boolean; required: boolean }>>;
  defaults: Record<string, number | undefined>;
}

export interface Queue extends Named {
  isMspEscalationTarget: boolean;
}

export interface NoteType extends Named {
  defaultPublishLevel: PublishLevel;
}

export type WorkType = Named;

export interface SavedView {
  id: number;
  name: string;
  filters: Record<string, string>;
  abilities: Abilities;
}

export interface WorklistItem {
  ticketId: number;
  position: number;
  addedAt: string;
  addedByResourceId: number | null;
  ticket: Pick<
    Ticket,
    | 'id'
    | 'number'
    | 'title'
    | 'companyId'
    | 'statusId'
    | 'priorityId'
    | 'queueId'
    | 'categoryId'
    | 'primaryResourceId'
    | 'coManagedVisible'
    | 'dueAt'
    | 'lastActivityAt'
    | 'completedAt'
    | 'version'
    | 'abilities'
  >;
  abilities: Abilities;
}

export interface Worklist {
  items: WorklistItem[];
  limit: number;
  abilities: { addForColleague: boolean };
}
