/* global fetch, URLSearchParams */
// Talks to the Tandem JSON API. Knows about the error envelope and the CSRF header, nothing about the page.

const base = '/api/v1';
let csrfToken = null;

/** Every failed call becomes one of these: `code` is the server's error code, or `network_error`. */
export class ApiError extends Error {
  constructor(status, code, message, details = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

async function request(method, path, { body, query, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const search = query ? new URLSearchParams(query).toString() : '';
  let response;
  try {
    response = await fetch(`${base}${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The server cannot be reached.');
  }
  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'internal_error',
      error.message ?? `The server answered ${response.status}.`,
      error.details ?? {},
    );
  }
  return payload;
}

export const api = {
  login: (email, password) => request('POST', '/auth/login', { body: { email, password } }),
  logout: () => request('POST', '/auth/logout'),
  revokeAllSessions: () => request('POST', '/me/sessions/revoke-all'),
  me: () => request('GET', '/me'),
  /** One page of companies; `cursor` and `q` are left out when empty. */
  companies: ({ q, cursor, limit = 50 }, signal) => {
    const query = { limit: String(limit) };
    if (q) query.q = q;
    if (cursor) query.cursor = cursor;
    return request('GET', '/companies', { query, signal });
  },
  company: (id, signal) => request('GET', `/companies/${encodeURIComponent(id)}`, { signal }),
};
