import type { MessageKey } from '../../i18n/en.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { publishLevels, requestFieldModes, statusMeanings } from '../../../shared/access-vocabulary.ts';

// One small description per ticket-configuration table of the API (src/modules/ticket-config/
// *.definition.ts): the generic list and form screens read it, so nine tables share two screens.
// The server stays the judge: these fields only say how to show and edit what it answers.

/** What every configuration row of the API has. */
export interface ConfigRow {
  id: number;
  name: string;
  active: boolean;
  abilities: { view: boolean; edit: boolean; delete: boolean };
  [field: string]: unknown;
}

export type FieldSpec =
  | { key: string; type: 'text'; label: MessageKey; multiline?: boolean }
  | { key: string; type: 'switch'; label: MessageKey; hint?: MessageKey }
  | { key: string; type: 'number'; label: MessageKey; hint?: MessageKey }
  | { key: string; type: 'decimal'; label: MessageKey; hint?: MessageKey }
  | {
      key: string;
      type: 'select';
      label: MessageKey;
      options: readonly { value: string; label: MessageKey }[];
    }
  /** A work, note or issue type's set-up: a ticket category, or none (shared). */
  | { key: string; type: 'setUpCategory'; label: MessageKey; hint?: MessageKey }
  /** A row of another list by id; `none` names the empty choice where the field may be empty. */
  | {
      key: string;
      type: 'reference';
      label: MessageKey;
      hint?: MessageKey;
      list: 'companies' | 'categories' | 'queues' | 'priorities';
      none?: MessageKey;
    };

export interface ConfigKind {
  /** The URL segment and the API's collection name, e.g. 'ticket-statuses'. */
  slug: string;
  path: string;
  title: MessageKey;
  intro: MessageKey;
  /** The list's query key; saving invalidates it, so ticket pickers refresh too. */
  queryKey: readonly unknown[];
  fields: readonly FieldSpec[];
  /** Values a new row starts with (the API's defaults, shown before saving). */
  blank: Record<string, unknown>;
  /** Configuration of a set-up (scenario 3): the name field suggests the C_SRC prefix when it is one. */
  isForSetUp?: (draft: Record<string, unknown>) => boolean;
  /** Why a row cannot be deleted, in plain words (the API answers abilities.delete false). */
  protectedReason?: (row: ConfigRow) => MessageKey | null;
  /** Fields the API refuses to change on this row, with the reason. */
  lockedReason?: (row: ConfigRow, field: string) => MessageKey | null;
  /** Markers beside the name in the list (besides active/inactive and protected). */
  markers?: (row: ConfigRow) => MessageKey[];
  /** A column of the list besides name, state and set-up: a field whose value names a text. */
  column?: { header: MessageKey; text: (row: ConfigRow) => MessageKey | null };
  /** Dedicated pieces under the form. */
  extra?: 'categoryLayout' | 'queueMembers' | 'subIssueTypes';
}

const name: FieldSpec = { key: 'name', type: 'text', label: 'config.field.name' };
/** How a request type's portal form treats a field: not asked, asked, or required. */
const requestFieldMode = (key: string, label: MessageKey): FieldSpec => ({
  key,
  type: 'select',
  label,
  options: requestFieldModes.map((value) => ({ value, label: `config.requestField.${value}` as const })),
});
const description: FieldSpec = {
  key: 'description',
  type: 'text',
  label: 'config.field.description',
  multiline: true,
};
const active: FieldSpec = {
  key: 'active',
  type: 'switch',
  label: 'config.field.active',
  hint: 'config.hint.active',
};
const sortOrder: FieldSpec = {
  key: 'sortOrder',
  type: 'number',
  label: 'config.field.sortOrder',
  hint: 'config.hint.sortOrder',
};
const reserved: FieldSpec = {
  key: 'reserved',
  type: 'switch',
  label: 'config.field.reserved',
  hint: 'config.hint.reserved',
};
const setUpCategory: FieldSpec = {
  key: 'categoryId',
  type: 'setUpCategory',
  label: 'config.field.setUpCategory',
  hint: 'config.hint.setUpCategory',
};
const byReserved = (draft: Record<string, unknown>) => draft.reserved === true;
const byCategory = (draft: Record<string, unknown>) => typeof draft.categoryId === 'number';

export const configKinds: readonly ConfigKind[] = [
  {
    slug: 'ticket-statuses',
    path: '/api/v1/ticket-statuses',
    title: 'config.kind.ticket-statuses',
    intro: 'config.intro.ticket-statuses',
    queryKey: queryKeys.reference.statuses,
    fields: [
      name,
      {
        key: 'meaning',
        type: 'select',
        label: 'config.field.meaning',
        options: statusMeanings.map((value) => ({ value, label: `config.meaning.${value}` as const })),
      },
      sortOrder,
      active,
    ],
    blank: { name: '', meaning: 'in_progress', sortOrder: 0, active: true },
    protectedReason: (row) => (row.isSystem === true ? 'config.protected.systemStatus' : null),
    lockedReason: (row, field) =>
      row.isSystem === true && (field === 'meaning' || field === 'active')
        ? 'config.locked.systemStatus'
        : null,
    markers: (row) => (row.isSystem === true ? ['config.marker.system'] : []),
    column: {
      header: 'config.field.meaning',
      text: (row) =>
        typeof row.meaning === 'string' ? (`config.meaning.${row.meaning}` as MessageKey) : null,
    },
  },
  {
    slug: 'ticket-priorities',
    path: '/api/v1/ticket-priorities',
    title: 'config.kind.ticket-priorities',
    intro: 'config.intro.ticket-priorities',
    queryKey: queryKeys.reference.priorities,
    fields: [
      name,
      { key: 'isDefault', type: 'switch', label: 'config.field.isDefault', hint: 'config.hint.isDefault' },
      sortOrder,
      active,
    ],
    blank: { name: '', isDefault: false, sortOrder: 0, active: true },
    markers: (row) => (row.isDefault === true ? ['config.marker.default'] : []),
  },
  {
    slug: 'queues',
    path: '/api/v1/queues',
    title: 'config.kind.queues',
    intro: 'config.intro.queues',
    queryKey: queryKeys.reference.queues,
    fields: [
      name,
      description,
      {
        key: 'isMspEscalationTarget',
        type: 'switch',
        label: 'config.field.isMspEscalationTarget',
        hint: 'config.hint.isMspEscalationTarget',
      },
      reserved,
      active,
    ],
    blank: { name: '', description: null, isMspEscalationTarget: false, reserved: false, active: true },
    isForSetUp: byReserved,
    markers: (row) => [
      ...(row.isMspEscalationTarget === true ? (['config.marker.escalation'] as const) : []),
      ...(row.reserved === true ? (['config.marker.reserved'] as const) : []),
    ],
    extra: 'queueMembers',
  },
  {
    slug: 'ticket-categories',
    path: '/api/v1/ticket-categories',
    title: 'config.kind.ticket-categories',
    intro: 'config.intro.ticket-categories',
    queryKey: queryKeys.reference.categories,
    fields: [
      name,
      description,
      {
        key: 'isDefault',
        type: 'switch',
        label: 'config.field.isDefault',
        hint: 'config.hint.categoryDefault',
      },
      reserved,
      {
        key: 'coManagedVisibleByDefault',
        type: 'switch',
        label: 'config.field.coManagedVisibleByDefault',
        hint: 'config.hint.coManagedVisibleByDefault',
      },
      { key: 'stopwatchEnabled', type: 'switch', label: 'config.field.stopwatchEnabled' },
      active,
    ],
    blank: {
      name: '',
      description: null,
      isDefault: false,
      reserved: false,
      coManagedVisibleByDefault: true,
      stopwatchEnabled: true,
      active: true,
      fieldRules: {},
      defaults: {},
    },
    isForSetUp: byReserved,
    markers: (row) => [
      ...(row.isDefault === true ? (['config.marker.default'] as const) : []),
      ...(row.reserved === true ? (['config.marker.reserved'] as const) : []),
    ],
    extra: 'categoryLayout',
  },
  {
    slug: 'issue-types',
    path: '/api/v1/issue-types',
    title: 'config.kind.issue-types',
    intro: 'config.intro.issue-types',
    queryKey: queryKeys.reference.issueTypes,
    fields: [name, setUpCategory, active],
    blank: { name: '', categoryId: null, active: true },
    isForSetUp: byCategory,
    extra: 'subIssueTypes',
  },
  {
    slug: 'work-types',
    path: '/api/v1/work-types',
    title: 'config.kind.work-types',
    intro: 'config.intro.work-types',
    queryKey: queryKeys.reference.workTypes,
    fields: [
      name,
      { key: 'billableByDefault', type: 'switch', label: 'config.field.billableByDefault' },
      {
        key: 'rateMultiplier',
        type: 'decimal',
        label: 'config.field.rateMultiplier',
        hint: 'config.hint.rateMultiplier',
      },
      setUpCategory,
      active,
    ],
    blank: { name: '', billableByDefault: true, rateMultiplier: '1.00', categoryId: null, active: true },
    isForSetUp: byCategory,
  },
  {
    slug: 'note-types',
    path: '/api/v1/note-types',
    title: 'config.kind.note-types',
    intro: 'config.intro.note-types',
    queryKey: queryKeys.reference.noteTypes,
    fields: [
      name,
      {
        key: 'defaultPublishLevel',
        type: 'select',
        label: 'config.field.defaultPublishLevel',
        options: publishLevels.map((value) => ({ value, label: `config.publish.${value}` as const })),
      },
      setUpCategory,
      active,
    ],
    blank: { name: '', defaultPublishLevel: 'internal', categoryId: null, active: true },
    column: {
      header: 'config.field.defaultPublishLevel',
      text: (row) =>
        typeof row.defaultPublishLevel === 'string'
          ? (`config.publish.${row.defaultPublishLevel}` as MessageKey)
          : null,
    },
    isForSetUp: byCategory,
  },
  {
    slug: 'request-types',
    path: '/api/v1/request-types',
    title: 'config.kind.request-types',
    intro: 'config.intro.request-types',
    queryKey: queryKeys.reference.requestTypes,
    fields: [
      name,
      description,
      {
        key: 'companyId',
        type: 'reference',
        list: 'companies',
        label: 'config.field.requestCompany',
        hint: 'config.hint.requestCompany',
        none: 'config.requestType.everyCustomer',
      },
      { key: 'categoryId', type: 'reference', list: 'categories', label: 'config.field.category' },
      {
        key: 'queueId',
        type: 'reference',
        list: 'queues',
        label: 'config.field.queue',
        none: 'config.requestType.categoryDefault',
      },
      {
        key: 'priorityId',
        type: 'reference',
        list: 'priorities',
        label: 'config.field.priority',
        none: 'config.requestType.systemDefault',
      },
      requestFieldMode('descriptionField', 'config.field.descriptionField'),
      {
        key: 'descriptionTemplate',
        type: 'text',
        label: 'config.field.descriptionTemplate',
        multiline: true,
      },
      requestFieldMode('priorityField', 'config.field.priorityField'),
      sortOrder,
      active,
    ],
    blank: {
      name: '',
      description: null,
      companyId: null,
      categoryId: null,
      queueId: null,
      priorityId: null,
      descriptionField: 'optional',
      descriptionTemplate: null,
      priorityField: 'hidden',
      sortOrder: 0,
      active: true,
    },
  },
  {
    slug: 'ticket-sources',
    path: '/api/v1/ticket-sources',
    title: 'config.kind.ticket-sources',
    intro: 'config.intro.ticket-sources',
    queryKey: queryKeys.reference.sources,
    fields: [name, active],
    blank: { name: '', active: true },
    protectedReason: (row) =>
      row.systemKey !== null && row.systemKey !== undefined ? 'config.protected.systemSource' : null,
    markers: (row) => (row.systemKey !== null && row.systemKey !== undefined ? ['config.marker.system'] : []),
  },
];

export function configKind(slug: string): ConfigKind | undefined {
  return configKinds.find((kind) => kind.slug === slug);
}
