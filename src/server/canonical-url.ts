import type { RawRequestDefaultExpression } from 'fastify';

/** Letters, digits, '-', '_' and '~': unreserved (RFC 3986 §2.3), the same whether written as is or %-encoded. */
const unreservedEscape = /%(4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A]|3[0-9]|2D|5F|7E)/gi;

/**
 * The path in one spelling before routing: `%61pi/v1/tickets` is `/api/v1/tickets` to the router, and
 * must be to every hook that reads the URL too (authentication and CSRF run only under `/api/`, the
 * rate limit and the JSON 404 look at the prefix). Only unreserved characters are decoded — never '/',
 * '?', '%', '.' — so no path changes meaning, and the query string is left as it came.
 */
export function canonicalUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!path.includes('%')) return url;
  const canonical = path.replace(unreservedEscape, (_escape, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return queryStart === -1 ? canonical : canonical + url.slice(queryStart);
}

/** Fastify's `rewriteUrl` option. */
export function rewriteToCanonicalUrl(request: RawRequestDefaultExpression): string {
  return canonicalUrl(request.url ?? '/');
}
