import { describe, expect, it } from 'vitest';
import { portalPathFor } from './portal-paths.ts';

describe('where an agent address leads a portal user', () => {
  it('keeps them on the same request, a new one, or their list', () => {
    expect(portalPathFor('/tickets/42')).toBe('/portal/requests/42');
    expect(portalPathFor('/tickets/new')).toBe('/portal/new');
    expect(portalPathFor('/tickets')).toBe('/portal');
    expect(portalPathFor('/home')).toBe('/portal');
    expect(portalPathFor('/companies/3')).toBe('/portal');
    expect(portalPathFor('/tickets/42/notes')).toBe('/portal');
  });
});
