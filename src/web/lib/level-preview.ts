/**
 * A security level in plain words, computed from its matrix, flags, licence and ticket restriction
 * only, so the preview cannot drift from what the level grants. One sentence per object, then one
 * per flag.
 */
import {
  type Action,
  actions,
  type LicenceType,
  type PermissionMatrix,
  type PermissionScope,
  type SecuredObject,
  securedObjects,
  type SecurityLevelFlag,
  securityLevelFlags,
  type SecurityLevelFlags,
} from '../../shared/access-vocabulary.ts';

export type PreviewLanguage = 'en' | 'de';

export interface LevelForPreview {
  licenceType: LicenceType;
  permissions: PermissionMatrix;
  flags: SecurityLevelFlags;
  ticketRestriction?: { queueIds: number[] | null; categoryIds: number[] | null };
}

interface Words {
  objects: Record<SecuredObject, string>;
  scoped: Record<Exclude<PermissionScope, 'none'>, (object: string) => string>;
  verbs: Record<Action, string>;
  infinitives: Record<Action, string>;
  /** Companies of their companies reads badly: their companies. */
  theirCompanies: string;
  and: string;
  or: string;
  cannot: (verbs: string, object: string) => string;
  coManagedOnly: string;
  flags: Record<SecurityLevelFlag, [yes: string, no: string]>;
  queues: (count: number) => string;
  categories: (count: number) => string;
  namedQueues: (names: string, count: number) => string;
  namedCategories: (names: string, count: number) => string;
  quote: (name: string) => string;
}

/** Names of queues and categories by id, when the caller knows them; counts are said otherwise. */
export interface KindNames {
  queues: ReadonlyMap<number, string>;
  categories: ReadonlyMap<number, string>;
}

const words: Record<PreviewLanguage, Words> = {
  en: {
    objects: {
      tickets: 'tickets',
      notes: 'notes',
      timeEntries: 'time entries',
      attachments: 'attachments',
      companies: 'companies',
      contacts: 'contacts',
      devices: 'devices',
      dashboards: 'dashboards',
      reports: 'reports',
    },
    scoped: {
      all: (object) => `all ${object}`,
      my_companies: (object) => `${object} of their companies`,
      mine: (object) => `their own ${object}`,
    },
    verbs: { view: 'sees', add: 'creates', edit: 'edits', delete: 'deletes' },
    infinitives: { view: 'see', add: 'create', edit: 'edit', delete: 'delete' },
    theirCompanies: 'their companies',
    and: 'and',
    or: 'or',
    cannot: (verbs, object) => `cannot ${verbs} ${object}`,
    coManagedOnly: ' (only what is published to co-managed users)',
    flags: {
      admin: ['Is an administrator.', 'Is not an administrator.'],
      viewInternalCost: ['Can see internal costs.', 'Cannot see internal costs.'],
      createDashboards: ['Can create dashboards.', 'Cannot create dashboards.'],
      shareDashboards: ['Can share dashboards.', 'Cannot share dashboards.'],
      useLiveLinks: ['Can use live links.', 'Cannot use live links.'],
      mobileAccess: ['Can use the mobile app.', 'Cannot use the mobile app.'],
      requireTwoFactor: ['Must sign in with a second factor.', 'Signs in without a second factor.'],
      manageHelpdeskUsers: [
        "Manages their internal help desk's users.",
        "Does not manage an internal help desk's users.",
      ],
      viewPriority: [
        "Portal: sees the MSP's priority of requests.",
        "Portal: does not see the MSP's priority (others always do).",
      ],
    },
    queues: (count) => `Tickets are limited to ${count} ${count === 1 ? 'queue' : 'queues'}.`,
    categories: (count) => `Tickets are limited to ${count} ${count === 1 ? 'category' : 'categories'}.`,
    namedQueues: (names, count) => `Tickets are limited to the ${count === 1 ? 'queue' : 'queues'} ${names}.`,
    namedCategories: (names, count) =>
      `Tickets are limited to the ${count === 1 ? 'category' : 'categories'} ${names}.`,
    quote: (name) => `“${name}”`,
  },
  de: {
    objects: {
      tickets: 'Tickets',
      notes: 'Notizen',
      timeEntries: 'Zeiteinträge',
      attachments: 'Anhänge',
      companies: 'Firmen',
      contacts: 'Kontakte',
      devices: 'Geräte',
      dashboards: 'Dashboards',
      reports: 'Berichte',
    },
    scoped: {
      all: (object) => `alle ${object}`,
      my_companies: (object) => `${object} der eigenen Firmen`,
      mine: (object) => `eigene ${object}`,
    },
    verbs: { view: 'sieht', add: 'erstellt', edit: 'bearbeitet', delete: 'löscht' },
    infinitives: { view: 'sehen', add: 'erstellen', edit: 'bearbeiten', delete: 'löschen' },
    theirCompanies: 'die eigenen Firmen',
    and: 'und',
    or: 'oder',
    cannot: (verbs, object) => `kann keine ${object} ${verbs}`,
    coManagedOnly: ' (nur was für mitbetreuende Benutzer veröffentlicht ist)',
    flags: {
      admin: ['Ist Administrator.', 'Ist kein Administrator.'],
      viewInternalCost: ['Sieht interne Kosten.', 'Sieht keine internen Kosten.'],
      createDashboards: ['Kann Dashboards erstellen.', 'Kann keine Dashboards erstellen.'],
      shareDashboards: ['Kann Dashboards teilen.', 'Kann keine Dashboards teilen.'],
      useLiveLinks: ['Kann Live-Links verwenden.', 'Kann keine Live-Links verwenden.'],
      mobileAccess: ['Kann die mobile App verwenden.', 'Kann die mobile App nicht verwenden.'],
      requireTwoFactor: ['Meldet sich mit einem zweiten Faktor an.', 'Meldet sich ohne zweiten Faktor an.'],
      manageHelpdeskUsers: [
        'Verwaltet die Benutzer ihres internen Helpdesks.',
        'Verwaltet keine Benutzer eines internen Helpdesks.',
      ],
      viewPriority: [
        'Portal: sieht die Priorität des Dienstleisters.',
        'Portal: sieht die Priorität des Dienstleisters nicht (alle anderen immer).',
      ],
    },
    queues: (count) => `Tickets sind auf ${count} ${count === 1 ? 'Queue' : 'Queues'} beschränkt.`,
    categories: (count) =>
      `Tickets sind auf ${count} ${count === 1 ? 'Kategorie' : 'Kategorien'} beschränkt.`,
    namedQueues: (names, count) =>
      `Tickets sind auf die ${count === 1 ? 'Queue' : 'Queues'} ${names} beschränkt.`,
    namedCategories: (names, count) =>
      `Tickets sind auf die ${count === 1 ? 'Kategorie' : 'Kategorien'} ${names} beschränkt.`,
    quote: (name) => `„${name}“`,
  },
};

/** Objects whose rows carry a publish level: a co-managing user reads only the co-managed ones. */
const published: readonly SecuredObject[] = ['notes', 'timeEntries', 'attachments'];

function list(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence for one object, the actions grouped by the scope they reach. */
export function objectSentence(
  level: LevelForPreview,
  object: SecuredObject,
  language: PreviewLanguage,
): string {
  const w = words[language];
  const name = w.objects[object];
  const parts: string[] = [];
  for (const scope of ['all', 'my_companies', 'mine'] as const) {
    const granted = actions.filter((action) => level.permissions[object][action] === scope);
    if (granted.length > 0) {
      const verbs = list(
        granted.map((action) => w.verbs[action]),
        w.and,
      );
      const reach =
        object === 'companies' && scope === 'my_companies' ? w.theirCompanies : w.scoped[scope](name);
      parts.push(`${verbs} ${reach}`);
    }
  }
  const refused = actions.filter((action) => level.permissions[object][action] === 'none');
  if (refused.length > 0)
    parts.push(
      w.cannot(
        list(
          refused.map((a) => w.infinitives[a]),
          w.or,
        ),
        name,
      ),
    );
  const note =
    level.licenceType === 'co_managed' &&
    published.includes(object) &&
    level.permissions[object].view !== 'none'
      ? w.coManagedOnly
      : '';
  return `${capitalise(parts.join('; '))}${note}.`;
}

/** The restriction's names in a list, or null when any of them is unknown (the count is said then). */
function namedList(ids: number[], names: ReadonlyMap<number, string> | undefined, w: Words): string | null {
  const known = ids.map((id) => names?.get(id));
  if (known.some((name) => name === undefined)) return null;
  return list(
    known.map((name) => w.quote(name ?? '')),
    w.and,
  );
}

/** The whole preview: a sentence per object, the ticket restriction when set, a sentence per flag. */
export function levelPreview(level: LevelForPreview, language: PreviewLanguage, names?: KindNames): string[] {
  const w = words[language];
  const sentences = securedObjects.map((object) => objectSentence(level, object, language));
  const restriction = level.ticketRestriction;
  if (restriction?.queueIds) {
    const named = namedList(restriction.queueIds, names?.queues, w);
    const count = restriction.queueIds.length;
    sentences.push(named ? w.namedQueues(named, count) : w.queues(count));
  }
  if (restriction?.categoryIds) {
    const named = namedList(restriction.categoryIds, names?.categories, w);
    const count = restriction.categoryIds.length;
    sentences.push(named ? w.namedCategories(named, count) : w.categories(count));
  }
  for (const flag of securityLevelFlags) sentences.push(w.flags[flag][level.flags[flag] ? 0 : 1]);
  return sentences;
}
