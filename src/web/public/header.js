// The signed-in header: who you are, your licence and security level, and the two ways to sign out.
import { api, ApiError } from './api.js';
import { byId } from './dom.js';
import { onLocaleChange, t } from './i18n.js';

export function createHeader({ onSignedOut, onError }) {
  const signedIn = byId('user-signed-in');
  const reach = byId('user-reach');
  const licence = byId('user-licence');
  const level = byId('user-level');
  const apiDocs = byId('api-docs-link');
  const signOut = byId('signout');
  const signOutAll = byId('signout-all');
  const dialog = byId('confirm-everywhere');
  let me = null;
  let busy = false;

  function render() {
    if (!me) return;
    signedIn.textContent = t('header.signedInAs', { name: me.displayName });
    const reachNames = Array.isArray(me.reach) ? me.reach.map((company) => company.name) : [];
    reach.textContent =
      me.licence === 'co_managed' && reachNames.length > 0
        ? t('header.coManaged', { companies: reachNames.join(', ') })
        : '';
    const licenceKey = `licence.${me.licence}`;
    const licenceLabel = t(licenceKey);
    licence.textContent = licenceLabel === licenceKey ? me.licence : licenceLabel;
    level.textContent = me.securityLevel?.name ?? '';
    apiDocs.hidden = !me.isAdmin;
  }

  /** Runs a sign-out call; a 401 means the session is already gone, which is what we wanted. */
  async function endSession(call, noticeFor) {
    if (busy) return;
    busy = true;
    try {
      const result = await call();
      onSignedOut(noticeFor(result));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) onSignedOut({ tone: 'info', key: 'signin.signedOut' });
      else onError(error);
    } finally {
      busy = false;
    }
  }

  signOut.addEventListener('click', () => {
    void endSession(api.logout, () => ({ tone: 'info', key: 'signin.signedOut' }));
  });

  signOutAll.addEventListener('click', () => {
    dialog.returnValue = '';
    dialog.showModal();
  });

  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'confirm') {
      signOutAll.focus();
      return;
    }
    void endSession(api.revokeAllSessions, (result) => ({
      tone: 'info',
      key: 'signin.signedOutEverywhere',
      params: { count: result?.revoked ?? 0 },
    }));
  });

  onLocaleChange(render);

  return {
    show(nextMe) {
      me = nextMe;
      render();
    },
    clear() {
      me = null;
      for (const node of [signedIn, reach, licence, level]) node.textContent = '';
      apiDocs.hidden = true;
    },
  };
}
