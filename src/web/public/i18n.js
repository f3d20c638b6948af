/* global document, navigator, localStorage */
// English and German texts, the current locale and Intl formatting. Texts are plain strings, never HTML.

export const locales = ['en', 'de'];
const storageKey = 'tandem.locale';

const dictionary = {
  en: {
    'app.tagline': 'Co-managed helpdesk for MSPs',
    'app.skip': 'Skip to content',
    'app.loading': 'Loading…',
    'app.language': 'Language',
    'signin.title': 'Sign in',
    'signin.intro': 'Sign in with your Tandem account.',
    'signin.email': 'E-mail address',
    'signin.password': 'Password',
    'signin.submit': 'Sign in',
    'signin.submitting': 'Signing in…',
    'signin.missing': 'Enter your e-mail address and password.',
    'signin.signedOut': 'You have signed out.',
    'signin.signedOutEverywhere': {
      one: 'You have signed out everywhere ({count} session ended).',
      other: 'You have signed out everywhere ({count} sessions ended).',
    },
    'signin.sessionEnded': 'Your session has ended. Please sign in again.',
    'header.signedInAs': 'Signed in as {name}',
    'header.coManaged': '(co-managed: {companies})',
    'header.licence': 'Licence',
    'header.securityLevel': 'Security level',
    'header.apiDocs': 'API docs',
    'header.signOut': 'Sign out',
    'header.signOutEverywhere': 'Sign out everywhere',
    'header.account': 'Account',
    'confirm.title': 'Sign out everywhere?',
    'confirm.body': 'This ends every Tandem session of your account, on every device, including this one.',
    'confirm.cancel': 'Cancel',
    'licence.full': 'Full',
    'licence.co_managed': 'Co-managed',
    'licence.internal_helpdesk': 'Internal helpdesk',
    'licence.portal': 'Customer portal',
    'licence.api_only': 'API only',
    'companies.title': 'Companies',
    'companies.caption': 'Companies you can reach',
    'companies.search': 'Search companies',
    'companies.searchPlaceholder': 'Company name',
    'companies.searchButton': 'Search',
    'companies.loading': 'Loading companies…',
    'companies.loadMore': 'Load more',
    'companies.empty': 'No companies to show.',
    'companies.emptySearch': 'No companies match “{q}”.',
    'companies.count': { one: '{count} company shown.', other: '{count} companies shown.' },
    'companies.more': 'More are available.',
    'column.name': 'Name',
    'column.type': 'Type',
    'column.location': 'Location',
    'column.coManaged': 'Co-managed',
    'column.status': 'Status',
    'companyType.customer': 'Customer',
    'companyType.prospect': 'Prospect',
    'companyType.vendor': 'Vendor',
    'companyType.partner': 'Partner',
    'companyType.msp': 'MSP (own company)',
    'sharing.none': 'Not shared',
    'sharing.all_share_with_all': 'All companies share with each other',
    'sharing.subsidiaries_share_with_parent': 'Subsidiaries share with the parent',
    'status.active': 'Active',
    'status.inactive': 'Inactive',
    'value.yes': 'Yes',
    'value.no': 'No',
    'value.none': '—',
    'detail.heading': 'Company details',
    'detail.placeholder': 'Select a company to see its details.',
    'detail.loading': 'Loading details…',
    'detail.close': 'Close details',
    'detail.back': 'All companies',
    'detail.parentHidden': 'Not visible to you',
    'detail.actions': 'Actions',
    'detail.edit': 'Edit',
    'detail.delete': 'Delete',
    'detail.comingSoon': 'Editing and deleting arrive in a later release.',
    'field.id': 'ID',
    'field.type': 'Type',
    'field.parent': 'Parent company',
    'field.coManaged': 'Co-managed help desk',
    'field.sharing': 'Internal helpdesk sharing',
    'field.status': 'Status',
    'field.phone': 'Phone',
    'field.website': 'Website',
    'field.city': 'City',
    'field.country': 'Country',
    'field.created': 'Created',
    'field.updated': 'Last changed',
    'error.generic': 'Something went wrong ({code}). Please try again.',
  },
  de: {
    'app.tagline': 'Co-Managed-Helpdesk für MSPs',
    'app.skip': 'Zum Inhalt springen',
    'app.loading': 'Wird geladen …',
    'app.language': 'Sprache',
    'signin.title': 'Anmelden',
    'signin.intro': 'Melden Sie sich mit Ihrem Tandem-Konto an.',
    'signin.email': 'E-Mail-Adresse',
    'signin.password': 'Passwort',
    'signin.submit': 'Anmelden',
    'signin.submitting': 'Anmeldung läuft …',
    'signin.missing': 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
    'signin.signedOut': 'Sie haben sich abgemeldet.',
    'signin.signedOutEverywhere': {
      one: 'Sie haben sich überall abgemeldet ({count} Sitzung beendet).',
      other: 'Sie haben sich überall abgemeldet ({count} Sitzungen beendet).',
    },
    'signin.sessionEnded': 'Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.',
    'header.signedInAs': 'Angemeldet als {name}',
    'header.coManaged': '(Co-Managed: {companies})',
    'header.licence': 'Lizenz',
    'header.securityLevel': 'Sicherheitsstufe',
    'header.apiDocs': 'API-Dokumentation',
    'header.signOut': 'Abmelden',
    'header.signOutEverywhere': 'Überall abmelden',
    'header.account': 'Konto',
    'confirm.title': 'Überall abmelden?',
    'confirm.body': 'Damit enden alle Tandem-Sitzungen Ihres Kontos auf allen Geräten, auch diese.',
    'confirm.cancel': 'Abbrechen',
    'licence.full': 'Vollständig',
    'licence.co_managed': 'Co-Managed',
    'licence.internal_helpdesk': 'Interner Helpdesk',
    'licence.portal': 'Kundenportal',
    'licence.api_only': 'Nur API',
    'companies.title': 'Firmen',
    'companies.caption': 'Firmen in Ihrer Reichweite',
    'companies.search': 'Firmen suchen',
    'companies.searchPlaceholder': 'Firmenname',
    'companies.searchButton': 'Suchen',
    'companies.loading': 'Firmen werden geladen …',
    'companies.loadMore': 'Weitere laden',
    'companies.empty': 'Keine Firmen vorhanden.',
    'companies.emptySearch': 'Keine Firmen passen zu „{q}“.',
    'companies.count': { one: '{count} Firma angezeigt.', other: '{count} Firmen angezeigt.' },
    'companies.more': 'Weitere sind verfügbar.',
    'column.name': 'Name',
    'column.type': 'Typ',
    'column.location': 'Ort',
    'column.coManaged': 'Co-Managed',
    'column.status': 'Status',
    'companyType.customer': 'Kunde',
    'companyType.prospect': 'Interessent',
    'companyType.vendor': 'Lieferant',
    'companyType.partner': 'Partner',
    'companyType.msp': 'MSP (eigene Firma)',
    'sharing.none': 'Keine Freigabe',
    'sharing.all_share_with_all': 'Alle Firmen teilen miteinander',
    'sharing.subsidiaries_share_with_parent': 'Tochterfirmen teilen mit der Mutterfirma',
    'status.active': 'Aktiv',
    'status.inactive': 'Inaktiv',
    'value.yes': 'Ja',
    'value.no': 'Nein',
    'value.none': '—',
    'detail.heading': 'Firmendetails',
    'detail.placeholder': 'Wählen Sie eine Firma aus, um die Details zu sehen.',
    'detail.loading': 'Details werden geladen …',
    'detail.close': 'Details schließen',
    'detail.back': 'Alle Firmen',
    'detail.parentHidden': 'Für Sie nicht sichtbar',
    'detail.actions': 'Aktionen',
    'detail.edit': 'Bearbeiten',
    'detail.delete': 'Löschen',
    'detail.comingSoon': 'Bearbeiten und Löschen folgen in einer späteren Version.',
    'field.id': 'ID',
    'field.type': 'Typ',
    'field.parent': 'Mutterfirma',
    'field.coManaged': 'Co-Managed-Helpdesk',
    'field.sharing': 'Interne Helpdesk-Freigabe',
    'field.status': 'Status',
    'field.phone': 'Telefon',
    'field.website': 'Website',
    'field.city': 'Stadt',
    'field.country': 'Land',
    'field.created': 'Angelegt',
    'field.updated': 'Zuletzt geändert',
    // The server speaks English; these replace its message for the codes a user meets.
    'error.invalid_credentials': 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt.',
    'error.account_locked': {
      one: 'Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist für {count} Minute gesperrt; versuchen Sie es später erneut oder wenden Sie sich an Ihre Administration.',
      other:
        'Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist für {count} Minuten gesperrt; versuchen Sie es später erneut oder wenden Sie sich an Ihre Administration.',
    },
    'error.co_managed_disabled':
      'Der Co-Managed-Zugang wurde von Ihrem Dienstleister abgeschaltet. Bitten Sie ihn, ihn wieder einzuschalten.',
    'error.csrf_failed': 'Die Sitzung passt nicht mehr zu dieser Seite. Laden Sie die Seite neu.',
    'error.not_found': 'Nicht gefunden.',
    'error.network_error': 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung.',
    'error.internal_error': 'Auf unserer Seite ist ein Fehler aufgetreten. Er wurde protokolliert.',
    'error.generic': 'Etwas ist schiefgelaufen ({code}). Bitte versuchen Sie es erneut.',
  },
};

let current = initialLocale();
const listeners = new Set();

function initialLocale() {
  try {
    const saved = localStorage.getItem(storageKey);
    if (locales.includes(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); fall back to the browser language.
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const language = String(tag ?? '')
      .slice(0, 2)
      .toLowerCase();
    if (locales.includes(language)) return language;
  }
  return 'en';
}

export function locale() {
  return current;
}

export function setLocale(next) {
  if (!locales.includes(next) || next === current) return;
  current = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
  applyStaticTexts();
  for (const listener of listeners) listener(next);
}

export function onLocaleChange(listener) {
  listeners.add(listener);
}

/** The text for `key` with `{name}` placeholders filled in; plural entries pick their form by `count`. */
export function t(key, params = {}) {
  let entry = dictionary[current][key] ?? dictionary.en[key];
  if (entry && typeof entry === 'object') {
    entry = entry[new Intl.PluralRules(current).select(params.count ?? 0)] ?? entry.other;
  }
  if (typeof entry !== 'string') return key;
  return entry.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** The user-facing text of an ApiError: the server's own message, translated where we know the code. */
export function errorMessage(error) {
  if (current !== 'en') {
    if (error.code === 'account_locked') {
      const seconds = Number(error.details?.retryAfterSeconds) || 60;
      return t('error.account_locked', { count: Math.max(1, Math.ceil(seconds / 60)) });
    }
    const translated = dictionary[current][`error.${error.code}`];
    if (typeof translated === 'string') return translated;
  }
  if (error.message) return error.message;
  return t('error.generic', { code: error.code ?? 'unknown' });
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('value.none');
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function countryName(code) {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([current], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Fills every element marked with data-i18n (text) or data-i18n-<attribute> in the static page. */
export function applyStaticTexts(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    const dataName = `i18n${attribute.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.dataset[dataName]));
    }
  }
}
