import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { locationSchema } from './location.schemas.ts';

type Location = z.output<typeof locationSchema>;
type LocationPage = PageOutput<typeof locationSchema>;

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const closedWeek = Object.fromEntries(weekdays.map((day) => [day, []]));

describe.each(testDatabaseTargets)('locations API on $name', (target) => {
  let tandem: TestTandem;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  async function locationNamed(name: string): Promise<Location> {
    const admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/locations?limit=200')).json<LocationPage>();
    const found = page.items.find((location) => location.name === name);
    if (!found) throw new Error(`no location ${name}`);
    return found;
  }

  it.each([
    'admin@northwind.example',
    'tech1@northwind.example',
    'anna.it@contoso.example',
    'user@contoso.example',
  ])('shows %s every location with its hours and holidays', async (email) => {
    const client = await tandem.signIn(email);
    const response = await client.get('/api/v1/locations');
    expect(response.statusCode).toBe(200);
    const page = response.json<LocationPage>();
    expect(page.items.map((location) => location.name)).toEqual([
      'C_SRC Tailspin Facilities',
      'Contoso Office',
      'Northwind HQ',
    ]);
    const hq = page.items.find((location) => location.name === 'Northwind HQ');
    expect(hq).toMatchObject({
      timeZone: 'Europe/Berlin',
      businessHours: { monday: [{ start: '08:00', end: '17:00' }], saturday: [], sunday: [] },
      holidays: [
        { day: '2026-12-24', name: 'Heiligabend' },
        { day: '2026-12-25', name: '1. Weihnachtstag' },
        { day: '2026-12-26', name: '2. Weihnachtstag' },
      ],
    });
  });

  it('lets an admin add a location; days left out are closed', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const created = await admin.post('/api/v1/locations', {
      name: 'Kolkata Night Desk',
      timeZone: 'Asia/Kolkata',
      businessHours: {
        monday: [
          { start: '13:00', end: '17:00' },
          { start: '00:00', end: '12:00' },
        ],
        friday: [{ start: '00:00', end: '24:00' }],
      },
      holidays: [{ day: '2026-01-26', name: 'Republic Day' }],
    });
    expect(created.statusCode).toBe(201);
    const location = created.json<Location>();
    expect(location.businessHours).toEqual({
      ...closedWeek,
      monday: [
        { start: '13:00', end: '17:00' },
        { start: '00:00', end: '12:00' },
      ],
      friday: [{ start: '00:00', end: '24:00' }],
    });
    expect(location.holidays).toEqual([{ day: '2026-01-26', name: 'Republic Day' }]);
    expect((await admin.get(`/api/v1/locations/${location.id}`)).json()).toEqual(location);
  });

  it('replaces the holidays when a change sends them, and keeps them otherwise', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const contoso = await locationNamed('Contoso Office');
    const renamed = await admin.patch(`/api/v1/locations/${contoso.id}`, { timeZone: 'Europe/Dublin' });
    expect(renamed.json<Location>().holidays).toEqual(contoso.holidays);
    const replaced = await admin.patch(`/api/v1/locations/${contoso.id}`, {
      holidays: [
        { day: '2027-01-01', name: "New Year's Day" },
        { day: '2026-12-25', name: 'Christmas Day' },
      ],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<Location>()).toMatchObject({
      timeZone: 'Europe/Dublin',
      holidays: [
        { day: '2026-12-25', name: 'Christmas Day' },
        { day: '2027-01-01', name: "New Year's Day" },
      ],
    });
    const audit = await admin.get(`/api/v1/audit-log?entityType=location&entityId=${contoso.id}`);
    const [latest] = audit.json<{ items: { before: Location; after: Location }[] }>().items;
    expect(latest?.before.holidays).toHaveLength(2);
    expect(latest?.after.holidays.map((holiday) => holiday.day)).toEqual(['2026-12-25', '2027-01-01']);
  });

  it('writes nothing when part of a change fails', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const tailspin = await locationNamed('C_SRC Tailspin Facilities');
    const response = await admin.patch(`/api/v1/locations/${tailspin.id}`, {
      name: 'Northwind HQ',
      holidays: [{ day: '2026-05-01', name: 'Staatsfeiertag' }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await locationNamed('C_SRC Tailspin Facilities')).toEqual(tailspin);
  });

  const valid = { name: 'Somewhere', timeZone: 'Europe/Berlin', businessHours: {} };
  it.each<[string, object]>([
    ['an unknown time zone', { ...valid, timeZone: 'Mars/Olympus_Mons' }],
    ['a lower-case time zone', { ...valid, timeZone: 'europe/berlin' }],
    ['an offset instead of a zone', { ...valid, timeZone: '+01:00' }],
    [
      'hours without leading zero',
      { ...valid, businessHours: { monday: [{ start: '8:00', end: '17:00' }] } },
    ],
    ['an hour past midnight', { ...valid, businessHours: { monday: [{ start: '08:00', end: '25:00' }] } }],
    ['start after end', { ...valid, businessHours: { monday: [{ start: '17:00', end: '08:00' }] } }],
    ['start equal to end', { ...valid, businessHours: { monday: [{ start: '08:00', end: '08:00' }] } }],
    [
      'overlapping intervals',
      {
        ...valid,
        businessHours: {
          monday: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
    ],
    ['a misspelt weekday', { ...valid, businessHours: { mondey: [] } }],
    ['a day that does not exist', { ...valid, holidays: [{ day: '2026-02-30', name: 'Nope' }] }],
    [
      'the same holiday twice',
      {
        ...valid,
        holidays: [
          { day: '2026-12-25', name: 'A' },
          { day: '2026-12-25', name: 'B' },
        ],
      },
    ],
    ['an unknown field', { ...valid, country: 'DE' }],
    ['no business hours', { name: 'Somewhere', timeZone: 'Europe/Berlin' }],
  ])('answers %s with 400 validation_failed and writes nothing', async (_label, body) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.post('/api/v1/locations', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const names = (await admin.get('/api/v1/locations?limit=200'))
      .json<LocationPage>()
      .items.map((l) => l.name);
    expect(names).not.toContain('Somewhere');
  });

  it('refuses non-admins with 403 forbidden and unknown ids with 404', async () => {
    const hq = await locationNamed('Northwind HQ');
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example']) {
      const client = await tandem.signIn(email);
      for (const response of [
        await client.post('/api/v1/locations', valid),
        await client.patch(`/api/v1/locations/${hq.id}`, { timeZone: 'UTC' }),
        await client.delete(`/api/v1/locations/${hq.id}`),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
      }
    }
    const admin = await tandem.signIn('admin@northwind.example');
    expect((await admin.get('/api/v1/locations/999999')).json()).toMatchObject({
      error: { code: 'not_found' },
    });
    expect((await admin.patch('/api/v1/locations/999999', { timeZone: 'UTC' })).statusCode).toBe(404);
    expect((await admin.delete('/api/v1/locations/999999')).statusCode).toBe(404);
    expect(await locationNamed('Northwind HQ')).toEqual(hq);
  });

  it('deletes an empty location with its holidays, but not one people work at', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const hq = await locationNamed('Northwind HQ');
    const busy = await admin.delete(`/api/v1/locations/${hq.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ error: { code: 'conflict' } });

    const created = (
      await admin.post('/api/v1/locations', { ...valid, holidays: [{ day: '2026-10-03', name: 'Einheit' }] })
    ).json<Location>();
    expect((await admin.delete(`/api/v1/locations/${created.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/locations/${created.id}`)).statusCode).toBe(404);
  });
});
