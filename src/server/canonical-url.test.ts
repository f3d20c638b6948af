import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.ts';

describe('canonicalUrl', () => {
  it('decodes %-encoded letters, digits, "-", "_" and "~" in the path', () => {
    expect(canonicalUrl('/%61pi/v1/%74ickets')).toBe('/api/v1/tickets');
    expect(canonicalUrl('/%41%5a%30%2D%5F%7E')).toBe('/AZ0-_~');
  });

  it('keeps every other escape, so no path changes meaning', () => {
    for (const path of [
      '/api/v1/tickets/1%2F..%2Fx',
      '/%2E%2E/api',
      '/api/%25',
      '/api/%3F',
      '/api/%E0%A4%A',
      '/api/%FF',
    ]) {
      expect(canonicalUrl(path)).toBe(path);
    }
  });

  it('leaves the query string as it came', () => {
    expect(canonicalUrl('/%61pi/v1/tickets?q=%61%00')).toBe('/api/v1/tickets?q=%61%00');
    expect(canonicalUrl('/api/v1/tickets?q=%61')).toBe('/api/v1/tickets?q=%61');
  });
});
