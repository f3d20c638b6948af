/* global AbortController, document, Node, URL, clearTimeout, setTimeout */
// The companies list (search, "Load more") and the detail panel for the selected row.
import { api, ApiError } from './api.js';
import { byId, el } from './dom.js';
import { countryName, formatDateTime, onLocaleChange, t } from './i18n.js';

const searchDelayMs = 300;

/** A company's website as a safe http(s) link target, or null. */
function websiteHref(value) {
  if (!value) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function label(prefix, value) {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

function locationOf(company) {
  const parts = [company.city, countryName(company.countryCode)].filter(Boolean);
  return parts.length ? parts.join(', ') : t('value.none');
}

function statusPill(company) {
  return el('span', {
    class: `pill ${company.active ? 'pill--active' : 'pill--inactive'}`,
    text: t(company.active ? 'status.active' : 'status.inactive'),
  });
}

export function createCompanies({ onSessionLost, onError }) {
  const workspace = byId('content');
  const form = byId('search-form');
  const search = byId('search');
  const table = byId('companies-table');
  const body = byId('companies-body');
  const empty = byId('list-empty');
  const status = byId('list-status');
  const loadMore = byId('load-more');
  const detail = byId('detail');

  /** Every company this page has seen, by id (list rows, fresh details, visible parents). */
  const known = new Map();
  /** Parent id → name, or null when the parent is outside the actor's reach. */
  const parentNames = new Map();
  const pendingParents = new Set();
  let items = [];
  let nextCursor = null;
  let query = '';
  let loading = false;
  let listRequest = null;
  let detailRequest = null;
  let selectedId = null;
  let searchTimer = null;

  function handleFailure(error) {
    if (error?.name === 'AbortError') return;
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401 || error.code === 'co_managed_disabled') onSessionLost(error);
    else onError(error);
  }

  // ---- list ------------------------------------------------------------------------------------

  function rowFor(company) {
    const selected = company.id === selectedId;
    return el('tr', { class: selected ? 'is-selected' : '', attrs: { 'data-id': company.id } }, [
      el('td', {}, [
        el('button', {
          class: 'row-button',
          text: company.name,
          attrs: { type: 'button', 'aria-controls': 'detail', 'aria-current': selected ? 'true' : null },
        }),
        el('span', { class: 'cell-sub only-phone', text: label('companyType', company.companyType) }),
      ]),
      el('td', { class: 'col-optional', text: label('companyType', company.companyType) }),
      el('td', { text: locationOf(company) }),
      el('td', { class: 'col-optional', text: t(company.coManagedEnabled ? 'value.yes' : 'value.no') }),
      el('td', {}, [statusPill(company)]),
    ]);
  }

  function renderRows() {
    body.replaceChildren(...items.map(rowFor));
    const isEmpty = !loading && items.length === 0;
    table.hidden = isEmpty;
    empty.hidden = !isEmpty;
    empty.textContent = query ? t('companies.emptySearch', { q: query }) : t('companies.empty');
  }

  function renderStatus() {
    table.setAttribute('aria-busy', String(loading));
    loadMore.hidden = !nextCursor;
    loadMore.setAttribute('aria-disabled', String(loading));
    if (loading && items.length === 0) {
      status.textContent = t('companies.loading');
    } else if (items.length > 0) {
      const count = t('companies.count', { count: items.length });
      status.textContent = nextCursor ? `${count} ${t('companies.more')}` : count;
    } else {
      status.textContent = '';
    }
  }

  async function load({ reset }) {
    listRequest?.abort();
    const request = new AbortController();
    listRequest = request;
    const firstNew = reset ? 0 : items.length;
    if (reset) {
      items = [];
      nextCursor = null;
      renderRows();
    }
    loading = true;
    renderStatus();
    try {
      const page = await api.companies({ q: query, cursor: reset ? null : nextCursor }, request.signal);
      for (const company of page.items) known.set(company.id, company);
      items = items.concat(page.items);
      nextCursor = page.nextCursor;
      loading = false;
      renderRows();
      renderStatus();
      // After "Load more", carry keyboard focus on to the first company that arrived.
      if (!reset) body.rows[firstNew]?.querySelector('.row-button')?.focus();
    } catch (error) {
      if (listRequest === request) {
        loading = false;
        renderRows();
        renderStatus();
      }
      handleFailure(error);
    } finally {
      if (listRequest === request) listRequest = null;
    }
  }

  function applySearch(value) {
    clearTimeout(searchTimer);
    const next = value.trim();
    if (next === query) return;
    query = next;
    void load({ reset: true });
  }

  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => applySearch(search.value), searchDelayMs);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    applySearch(search.value);
  });
  loadMore.addEventListener('click', () => {
    if (!loading && nextCursor) void load({ reset: false });
  });
  body.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-id]');
    if (row) select(Number(row.dataset.id));
  });

  // ---- detail ----------------------------------------------------------------------------------

  function field(name, value) {
    const content = value instanceof Node ? value : el('span', { text: value || t('value.none') });
    return el('div', { class: 'field-row' }, [el('dt', { text: t(name) }), el('dd', {}, [content])]);
  }

  function parentValue(company) {
    const id = company.parentCompanyId;
    const holder = el('span', { attrs: { id: 'detail-parent' } });
    const name = known.get(id)?.name ?? parentNames.get(id);
    if (name) {
      holder.append(
        el('button', {
          class: 'link-button',
          text: name,
          attrs: { type: 'button' },
          on: { click: () => select(id) },
        }),
      );
    } else if (parentNames.has(id)) {
      holder.append(el('span', { class: 'muted', text: t('detail.parentHidden') }));
    } else {
      holder.textContent = '…';
      void resolveParent(company);
    }
    return holder;
  }

  async function resolveParent(company) {
    const id = company.parentCompanyId;
    if (pendingParents.has(id)) return;
    pendingParents.add(id);
    try {
      const parent = await api.company(id);
      known.set(parent.id, parent);
      parentNames.set(id, parent.name);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) parentNames.set(id, null);
      else return handleFailure(error);
    } finally {
      pendingParents.delete(id);
    }
    if (selectedId === company.id) {
      const holder = byId('detail-parent');
      holder?.replaceWith(parentValue(known.get(selectedId) ?? company));
    }
  }

  function websiteValue(website) {
    const href = websiteHref(website);
    if (!href) return website;
    return el('a', { text: website, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
  }

  function phoneValue(phone) {
    if (!phone) return null;
    // "+49 (0)40 …": the bracketed trunk zero is not dialled from abroad.
    const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
    return digits ? el('a', { text: phone, attrs: { href: `tel:${digits}` } }) : phone;
  }

  function actionsFor(company) {
    const { edit, delete: remove } = company.abilities ?? {};
    if (!edit && !remove) return null;
    const button = (key, extra) =>
      el('button', {
        class: `button ${extra}`,
        text: t(key),
        attrs: { type: 'button', 'aria-disabled': 'true', 'aria-describedby': 'detail-actions-hint' },
      });
    return el('div', { class: 'detail-actions' }, [
      el('h3', { class: 'visually-hidden', text: t('detail.actions') }),
      el('div', { class: 'button-row' }, [
        edit && button('detail.edit', ''),
        remove && button('detail.delete', 'button--danger-outline'),
      ]),
      el('p', { class: 'muted small', text: t('detail.comingSoon'), attrs: { id: 'detail-actions-hint' } }),
    ]);
  }

  function renderPlaceholder() {
    detail.replaceChildren(
      el('div', { class: 'detail-empty' }, [
        el('h2', { class: 'visually-hidden', text: t('detail.heading'), attrs: { id: 'detail-heading' } }),
        el('p', { class: 'muted', text: t('detail.placeholder') }),
      ]),
    );
  }

  function renderDetail(company, { focus }) {
    const heading = el('h2', { text: company.name, attrs: { id: 'detail-heading', tabindex: '-1' } });
    detail.replaceChildren(
      el('div', { class: 'detail-head' }, [
        el('button', { class: 'button button--ghost back-button only-narrow', attrs: { type: 'button' } }, [
          el('span', { text: '←', attrs: { 'aria-hidden': 'true' } }),
          ` ${t('detail.back')}`,
        ]),
        el('div', { class: 'detail-title' }, [
          heading,
          el('p', { class: 'detail-sub' }, [
            statusPill(company),
            el('span', { text: label('companyType', company.companyType) }),
          ]),
        ]),
        el(
          'button',
          {
            class: 'icon-button close-button only-wide',
            attrs: { type: 'button', 'aria-label': t('detail.close'), title: t('detail.close') },
          },
          [el('span', { text: '×', attrs: { 'aria-hidden': 'true' } })],
        ),
      ]),
      el('dl', { class: 'fields' }, [
        field('field.id', String(company.id)),
        field('field.type', label('companyType', company.companyType)),
        company.parentCompanyId ? field('field.parent', parentValue(company)) : null,
        field('field.coManaged', t(company.coManagedEnabled ? 'value.yes' : 'value.no')),
        field('field.sharing', label('sharing', company.internalHelpdeskSharing)),
        field('field.status', t(company.active ? 'status.active' : 'status.inactive')),
        field('field.phone', phoneValue(company.phone)),
        field('field.website', websiteValue(company.website)),
        field('field.city', company.city),
        field(
          'field.country',
          company.countryCode ? `${countryName(company.countryCode)} (${company.countryCode})` : null,
        ),
        field('field.created', formatDateTime(company.createdAt)),
        field('field.updated', formatDateTime(company.updatedAt)),
      ]),
      actionsFor(company) ?? '',
    );
    for (const button of detail.querySelectorAll('.back-button, .close-button')) {
      button.addEventListener('click', closeDetail);
    }
    if (focus) heading.focus();
  }

  function markSelectedRow() {
    for (const row of body.rows) {
      const selected = Number(row.dataset.id) === selectedId;
      row.classList.toggle('is-selected', selected);
      const button = row.querySelector('.row-button');
      if (selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  async function select(id) {
    const company = known.get(id);
    if (!company) return;
    selectedId = id;
    markSelectedRow();
    workspace.classList.add('has-detail');
    renderDetail(company, { focus: true });

    // Show what we have at once, then refresh from the server in case it changed.
    detailRequest?.abort();
    const request = new AbortController();
    detailRequest = request;
    try {
      const fresh = await api.company(id, request.signal);
      known.set(id, fresh);
      items = items.map((item) => (item.id === id ? fresh : item));
      if (selectedId === id && fresh.updatedAt !== company.updatedAt) {
        const hadFocus = detail.contains(document.activeElement);
        renderDetail(fresh, { focus: hadFocus });
        renderRows();
        markSelectedRow();
      }
    } catch (error) {
      handleFailure(error);
    } finally {
      if (detailRequest === request) detailRequest = null;
    }
  }

  function closeDetail() {
    const previous = selectedId;
    detailRequest?.abort();
    selectedId = null;
    workspace.classList.remove('has-detail');
    markSelectedRow();
    renderPlaceholder();
    const row = [...body.rows].find((candidate) => Number(candidate.dataset.id) === previous);
    (row?.querySelector('.row-button') ?? search).focus();
  }

  detail.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && selectedId !== null) closeDetail();
  });

  onLocaleChange(() => {
    renderRows();
    renderStatus();
    const company = selectedId === null ? null : known.get(selectedId);
    if (company) renderDetail(company, { focus: false });
    else renderPlaceholder();
  });

  return {
    start() {
      search.value = '';
      query = '';
      renderPlaceholder();
      void load({ reset: true });
    },
    reset() {
      listRequest?.abort();
      detailRequest?.abort();
      clearTimeout(searchTimer);
      known.clear();
      parentNames.clear();
      items = [];
      nextCursor = null;
      selectedId = null;
      loading = false;
      workspace.classList.remove('has-detail');
      body.replaceChildren();
      status.textContent = '';
      renderPlaceholder();
    },
  };
}
