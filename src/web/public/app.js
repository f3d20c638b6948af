/* global document */
// Starts the page: asks who is signed in, then shows the sign-in screen or the workspace.
import { api, ApiError, setCsrfToken } from './api.js';
import { createCompanies } from './companies.js';
import { byId, setNotice } from './dom.js';
import { createHeader } from './header.js';
import { applyStaticTexts, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n.js';
import { createSignIn } from './signin.js';

const boot = byId('boot');
const appView = byId('app-view');
const alertRegion = byId('app-alert');
let shownError = null;

function showError(error) {
  shownError = error;
  setNotice(alertRegion, error ? errorMessage(error) : '', 'error');
}

function enterApp(me) {
  setCsrfToken(me.csrfToken);
  boot.hidden = true;
  signIn.hide();
  showError(null);
  appView.hidden = false;
  document.title = `${t('companies.title')} · Tandem`;
  header.show(me);
  companies.start();
  byId('content').focus();
}

function leaveApp(notice) {
  setCsrfToken(null);
  companies.reset();
  header.clear();
  showError(null);
  appView.hidden = true;
  boot.hidden = true;
  signIn.show(notice);
}

/** The session ended under us (expired, revoked elsewhere, or co-managed access switched off). */
function onSessionLost(error) {
  leaveApp(
    error.code === 'co_managed_disabled'
      ? { tone: 'error', error }
      : { tone: 'info', key: 'signin.sessionEnded' },
  );
}

const signIn = createSignIn({ onSignedIn: enterApp });
const header = createHeader({ onSignedOut: leaveApp, onError: showError });
const companies = createCompanies({ onSessionLost, onError: showError });

const localePickers = document.querySelectorAll('.js-locale');
for (const picker of localePickers) {
  picker.value = locale();
  picker.addEventListener('change', () => setLocale(picker.value));
}
onLocaleChange((next) => {
  for (const picker of localePickers) picker.value = next;
  if (!appView.hidden) document.title = `${t('companies.title')} · Tandem`;
  if (shownError) showError(shownError);
});

applyStaticTexts();
try {
  enterApp(await api.me());
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  boot.hidden = true;
  signIn.show(error.status === 401 ? null : { tone: 'error', error });
}
