/** Where an agent-app address leads a portal user: their request, a new one, their account, or their requests. */
export function portalPathFor(pathname: string): string {
  const request = /^\/tickets\/(\d+)$/.exec(pathname);
  if (request) return `/portal/requests/${request[1]}`;
  if (pathname === '/tickets/new') return '/portal/new';
  if (pathname === '/account/security') return '/portal/account';
  return '/portal';
}
