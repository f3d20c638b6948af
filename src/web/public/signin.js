/* global document */
// The sign-in screen: collects e-mail and password, reports the server's answer in a live region.
import { api, ApiError } from './api.js';
import { byId, setNotice } from './dom.js';
import { errorMessage, onLocaleChange, t } from './i18n.js';

/**
 * A notice is { tone: 'error' | 'info', key, params } or { tone: 'error', error: ApiError };
 * it is kept (not its text) so a language switch can say it again in the new language.
 */
function noticeText(notice) {
  if (!notice) return '';
  return notice.error ? errorMessage(notice.error) : t(notice.key, notice.params);
}

export function createSignIn({ onSignedIn }) {
  const view = byId('signin-view');
  const form = byId('signin-form');
  const email = byId('signin-email');
  const password = byId('signin-password');
  const message = byId('signin-message');
  const submit = form.querySelector('button[type="submit"]');
  let notice = null;
  let busy = false;

  function renderNotice() {
    setNotice(message, noticeText(notice), notice?.tone);
  }

  function markInvalid(fields) {
    for (const input of [email, password]) {
      if (fields.includes(input)) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  function setBusy(next) {
    busy = next;
    form.setAttribute('aria-busy', String(next));
    submit.setAttribute('aria-disabled', String(next));
    submit.textContent = t(next ? 'signin.submitting' : 'signin.submit');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const address = email.value.trim();
    if (!address || !password.value) {
      const missing = [!address && email, !password.value && password].filter(Boolean);
      notice = { tone: 'error', key: 'signin.missing' };
      renderNotice();
      markInvalid(missing);
      missing[0].focus();
      return;
    }
    notice = null;
    renderNotice();
    setBusy(true);
    try {
      const me = await api.login(address, password.value);
      password.value = '';
      markInvalid([]);
      notice = null;
      renderNotice();
      onSignedIn(me);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      notice = { tone: 'error', error };
      renderNotice();
      markInvalid(error.code === 'invalid_credentials' ? [email, password] : []);
      password.focus();
      password.select();
    } finally {
      setBusy(false);
    }
  });

  onLocaleChange(() => {
    renderNotice();
    if (!view.hidden) document.title = `${t('signin.title')} · Tandem`;
  });

  return {
    show(nextNotice = null) {
      notice = nextNotice;
      view.hidden = false;
      document.title = `${t('signin.title')} · Tandem`;
      renderNotice();
      (email.value ? password : email).focus();
    },
    hide() {
      view.hidden = true;
    },
  };
}
