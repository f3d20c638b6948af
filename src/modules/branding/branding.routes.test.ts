import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';
import type { BrandingResponse } from './branding.schemas.ts';

// The smallest valid PNG (1×1, transparent): real bytes, sniffed as the server sniffs uploads.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

// #14: the MSP's name, colour and logo, shown on the sign-in page and in the portal.
describe.each(testDatabaseTargets)('branding on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let anna: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [admin, anna] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
    ]);
  });
  afterAll(() => tandem.close());

  const read = async () => {
    const response = await tandem.anonymous.get('/api/v1/branding');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<BrandingResponse>();
  };

  it('is public: the demo MSP’s name and colour, before anyone signs in', async () => {
    expect(await read()).toEqual({ name: 'Northwind IT', accentColor: 'indigo', logoUrl: null });
    expect((await tandem.anonymous.get('/api/v1/branding/logo')).statusCode).toBe(404);
  });

  it('lets an administrator set the name, colour and a logo that is what it says it is', async () => {
    const saved = await admin.patch('/api/v1/branding', {
      name: 'Northwind Support',
      accentColor: 'violet',
      logo: { contentType: 'image/png', base64: png.toString('base64') },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const branding = saved.json<BrandingResponse>();
    expect(branding).toMatchObject({ name: 'Northwind Support', accentColor: 'violet' });
    expect(branding.logoUrl).toMatch(/^\/api\/v1\/branding\/logo\?v=/);
    const logo = await tandem.anonymous.get(branding.logoUrl ?? '');
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.rawPayload.equals(png)).toBe(true);
    expect(await read()).toEqual(branding);
  });

  it('refuses others, unknown colours, and a logo that is not the image it claims, writing nothing', async () => {
    const before = await read();
    const refused = await anna.patch('/api/v1/branding', { name: 'Contoso' });
    expect(refused.statusCode).toBe(403);
    const cases: [unknown, number][] = [
      [{ accentColor: 'yellow' }, 400],
      [{ name: '' }, 400],
      [{ logo: { contentType: 'image/jpeg', base64: png.toString('base64') } }, 400],
      [
        {
          logo: { contentType: 'image/png', base64: Buffer.from('<svg onload=alert(1)>').toString('base64') },
        },
        400,
      ],
      [{ logo: { contentType: 'image/svg+xml', base64: png.toString('base64') } }, 400],
      [{}, 400],
    ];
    for (const [body, status] of cases) {
      const response = await admin.patch('/api/v1/branding', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json<ErrorBody>().error.code).toBe('validation_failed');
    }
    expect(await read()).toEqual(before);
  });

  it('removes the logo', async () => {
    const saved = await admin.patch('/api/v1/branding', { logo: null });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<BrandingResponse>().logoUrl).toBeNull();
    expect((await tandem.anonymous.get('/api/v1/branding/logo')).statusCode).toBe(404);
  });
});
