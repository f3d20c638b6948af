import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { attachments as attachmentsTable } from '../../db/schema/index.ts';
import { type PublishLevel, publishLevels } from '../../shared/access-vocabulary.ts';
import { listTicketAttachments } from './attachment.service.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { attachmentSchema } from './attachment.schemas.ts';

type Attachment = z.output<typeof attachmentSchema>;

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest of image'),
]);

interface FilePart {
  name: string;
  type?: string;
  bytes: Buffer;
  field?: string;
}

function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----tandem${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(client: TestClient, ticketId: number, fields: Record<string, string>, files: FilePart[]) {
  const body = multipart(fields, files);
  return client.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: {
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
      'content-type': body.contentType,
    },
    payload: body.payload,
  });
}

function storedFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const readableBy: [email: string, levels: PublishLevel[]][] = [
  ['tech1@northwind.example', ['internal', 'internal_and_co_managed', 'all', 'customer_internal']],
  ['anna.it@contoso.example', ['internal_and_co_managed', 'all', 'customer_internal']],
  ['user@contoso.example', ['all']],
];

describe.each(testDatabaseTargets)('attachments on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let folder: string;
  let clients: Record<string, TestClient>;
  let tech: TestClient;
  let anna: TestClient;
  let ticket: { id: number; number: string };
  const attachments = {} as Record<PublishLevel, Attachment>;
  let missingDownload: string;

  const attachmentCount = async () =>
    (await queryRows(tandem.database.db, sql`SELECT count(*)::int AS n FROM attachments`))[0]?.n;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-attachments-'));
    process.env.TANDEM_ATTACHMENTS_DIR = folder;
    process.env.TANDEM_MAX_ATTACHMENT_MB = '0.25';
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    const emails = [
      ...readableBy.map(([email]) => email),
      'consultant@fabrikam.example',
      'user@fabrikam.example',
    ];
    const signedIn = await Promise.all(emails.map((email) => tandem.signIn(email)));
    clients = Object.fromEntries(emails.map((email, index) => [email, signedIn[index] as TestClient]));
    tech = clients['tech1@northwind.example'] as TestClient;
    anna = clients['anna.it@contoso.example'] as TestClient;
    ticket = await createTicket(clients['user@contoso.example'] as TestClient, { title: 'Screen flickers' });
    for (const level of publishLevels) {
      const response = await upload(tech, ticket.id, { publishLevel: level }, [
        { name: `${level}.png`, type: 'image/png', bytes: png },
      ]);
      expect(response.statusCode, response.body).toBe(201);
      attachments[level] = response.json<Attachment>();
    }
    missingDownload = (await tech.get('/api/v1/attachments/2000000000/download')).body;
  });
  afterAll(async () => {
    await tandem.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe.each(readableBy)('visibility for %s', (email, readable) => {
    const client = () => clients[email] as TestClient;

    it('lists exactly the readable levels', async () => {
      const listed = (await client().get(`/api/v1/tickets/${ticket.id}/attachments?limit=200`))
        .json<PageOutput<typeof attachmentSchema>>()
        .items.map((attachment) => attachment.publishLevel);
      expect(listed).toEqual(publishLevels.filter((level) => readable.includes(level)));
    });

    it('holds twice: the application filter alone (as the table owner) and RLS alone (no filter)', async () => {
      const db = tandem.database.db;
      const actor = await loadActor(db, ids.resource(email));
      const byApplication = await db.transaction((tx) =>
        listTicketAttachments({ tx, actor }, ticket.id, { limit: 200 }),
      );
      const byRls = await runAsActor(db, actor, ({ tx }) =>
        tx
          .select()
          .from(attachmentsTable)
          .where(eq(attachmentsTable.ticketId, ticket.id))
          .orderBy(attachmentsTable.id),
      );
      const expected = publishLevels.filter((level) => readable.includes(level));
      expect(byApplication.items.map((attachment) => attachment.publishLevel)).toEqual(expected);
      expect(byRls.map((attachment) => attachment.publishLevel)).toEqual(expected);
    });

    it('downloads readable files and answers hidden ones with the 404 of a missing one', async () => {
      for (const level of publishLevels) {
        const download = await client().get(attachments[level].downloadUrl);
        const details = await client().get(`/api/v1/attachments/${attachments[level].id}`);
        if (readable.includes(level)) {
          expect(download.statusCode).toBe(200);
          expect(download.rawPayload.equals(png)).toBe(true);
          expect(details.statusCode).toBe(200);
        } else {
          expect(download.statusCode).toBe(404);
          expect(download.body).toBe(missingDownload);
          expect(details.statusCode).toBe(404);
          expect((await client().delete(`/api/v1/attachments/${attachments[level].id}`)).statusCode).toBe(
            404,
          );
        }
      }
    });
  });

  it('answers 404 to users of another company', async () => {
    for (const email of ['consultant@fabrikam.example', 'user@fabrikam.example']) {
      const client = clients[email] as TestClient;
      const download = await client.get(attachments.all.downloadUrl);
      expect(download.statusCode).toBe(404);
      expect(download.body).toBe(missingDownload);
      expect((await client.get(`/api/v1/tickets/${ticket.id}/attachments`)).statusCode).toBe(404);
      const refused = await upload(client, ticket.id, { publishLevel: 'all' }, [
        { name: 'a.txt', bytes: Buffer.from('hi') },
      ]);
      expect(refused.statusCode).toBe(404);
    }
  });

  it('reads the type from the bytes, not from the client, and serves images inline with nosniff', async () => {
    const response = await upload(tech, ticket.id, { publishLevel: 'all' }, [
      { name: 'invoice.html', type: 'text/html', bytes: png },
    ]);
    expect(response.statusCode).toBe(201);
    const attachment = response.json<Attachment>();
    expect(attachment).toMatchObject({
      contentType: 'image/png',
      sizeBytes: png.length,
      fileName: 'invoice.html',
    });
    const download = await tech.get(attachment.downloadUrl);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="invoice.html"/);
  });

  it('serves text and unknown bytes as downloads, never inline', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('<script>alert(1)</script>'), 'text/plain; charset=utf-8'],
      [Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff]), 'application/octet-stream'],
    ];
    for (const [bytes, contentType] of cases) {
      const attachment = (
        await upload(tech, ticket.id, { publishLevel: 'internal' }, [
          { name: 'page.html', type: 'text/html', bytes },
        ])
      ).json<Attachment>();
      expect(attachment.contentType).toBe(contentType);
      const download = await tech.get(attachment.downloadUrl);
      expect(download.headers['content-type']).toBe(contentType);
      expect(download.headers['content-disposition']).toMatch(/^attachment; /);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sanitises file names', async () => {
    const attachment = (
      await upload(tech, ticket.id, { publishLevel: 'internal' }, [
        { name: '..\\..\\secret\u202egpj.exe', bytes: Buffer.from('x') },
      ])
    ).json<Attachment>();
    expect(attachment.fileName).toBe('secret_gpj.exe');
  });

  it('refuses an oversize file with 413 and keeps nothing', async () => {
    const [rowsBefore, filesBefore] = [await attachmentCount(), storedFiles(folder).length];
    const response = await upload(tech, ticket.id, { publishLevel: 'all' }, [
      { name: 'big.bin', bytes: Buffer.alloc(256 * 1024 + 1, 1) },
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
    expect([await attachmentCount(), storedFiles(folder).length]).toEqual([rowsBefore, filesBefore]);
  });

  it.each([
    ['anna.it@contoso.example', 'internal'],
    ['user@contoso.example', 'customer_internal'],
  ])('refuses %s the level %s with 422 and keeps nothing', async (email, level) => {
    const [rowsBefore, filesBefore] = [await attachmentCount(), storedFiles(folder).length];
    const response = await upload(clients[email] as TestClient, ticket.id, { publishLevel: level }, [
      { name: 'a.png', bytes: png },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('unprocessable');
    expect([await attachmentCount(), storedFiles(folder).length]).toEqual([rowsBefore, filesBefore]);
  });

  it('removes the stored file when the transaction fails', async () => {
    const [rowsBefore, filesBefore] = [await attachmentCount(), storedFiles(folder).length];
    // A note that does not exist fails inside the transaction, after the bytes were written.
    const response = await upload(tech, ticket.id, { publishLevel: 'all', noteId: '2000000000' }, [
      { name: 'a.png', bytes: png },
    ]);
    expect(response.statusCode).toBe(404);
    expect([await attachmentCount(), storedFiles(folder).length]).toEqual([rowsBefore, filesBefore]);
  });

  it('validates the form strictly', async () => {
    const cases: [Record<string, string>, FilePart[]][] = [
      [{ publishLevel: 'all' }, []],
      [{ publishLevel: 'everyone' }, [{ name: 'a.txt', bytes: Buffer.from('a') }]],
      [{ publishLevel: 'all', colour: 'red' }, [{ name: 'a.txt', bytes: Buffer.from('a') }]],
      [{ publishLevel: 'all' }, [{ name: 'a.txt', bytes: Buffer.alloc(0) }]],
      [{}, [{ name: 'a.txt', bytes: Buffer.from('a') }]],
      [{ publishLevel: 'all' }, [{ name: 'a.txt', bytes: Buffer.from('a'), field: 'upload' }]],
      [
        { publishLevel: 'all' },
        [
          { name: 'a.txt', bytes: Buffer.from('a') },
          { name: 'b.txt', bytes: Buffer.from('b') },
        ],
      ],
    ];
    for (const [fields, files] of cases) {
      const response = await upload(tech, ticket.id, fields, files);
      expect({ fields, status: response.statusCode }).toEqual({ fields, status: 400 });
    }
    const json = await tech.post(`/api/v1/tickets/${ticket.id}/attachments`, { publishLevel: 'all' });
    expect(json.statusCode).toBe(415);
  });

  it('attaches to a note: follows its level by default and never reaches further', async () => {
    const note = (
      await anna.post(`/api/v1/tickets/${ticket.id}/notes`, {
        body: 'Photo of the screen',
        publishLevel: 'customer_internal',
      })
    ).json<{ id: number }>();
    const inherited = await upload(anna, ticket.id, { noteId: String(note.id) }, [
      { name: 'screen.png', bytes: png },
    ]);
    expect(inherited.statusCode).toBe(201);
    expect(inherited.json<Attachment>()).toMatchObject({
      noteId: note.id,
      publishLevel: 'customer_internal',
    });
    const wider = await upload(anna, ticket.id, { noteId: String(note.id), publishLevel: 'all' }, [
      { name: 'screen.png', bytes: png },
    ]);
    expect(wider.statusCode).toBe(422);
    // The portal user can see neither the note nor its file; narrowing the note below its file is refused.
    const portal = clients['user@contoso.example'] as TestClient;
    expect((await portal.get(inherited.json<Attachment>().downloadUrl)).statusCode).toBe(404);
    const narrowed = await anna.patch(`/api/v1/notes/${note.id}`, {
      publishLevel: 'internal_and_co_managed',
    });
    expect(narrowed.statusCode).toBe(422);
    // Deleting the note removes its file from storage too.
    const filesBefore = storedFiles(folder).length;
    expect((await anna.delete(`/api/v1/notes/${note.id}`)).statusCode).toBe(204);
    expect(storedFiles(folder).length).toBe(filesBefore - 1);
    expect((await anna.get(inherited.json<Attachment>().downloadUrl)).statusCode).toBe(404);
  });

  it('deletes: authors their own, others per the matrix; the file goes too; audit and outbox recorded', async () => {
    const own = (
      await upload(anna, ticket.id, { publishLevel: 'all' }, [{ name: 'log.txt', bytes: Buffer.from('log') }])
    ).json<Attachment>();
    expect(own.abilities).toEqual({ view: true, edit: false, delete: true });
    const techFile = (await anna.get(`/api/v1/attachments/${attachments.all.id}`)).json<Attachment>();
    expect(techFile.abilities.delete).toBe(false);
    expect((await anna.delete(`/api/v1/attachments/${attachments.all.id}`)).statusCode).toBe(403);
    const filesBefore = storedFiles(folder).length;
    expect((await anna.delete(`/api/v1/attachments/${own.id}`)).statusCode).toBe(204);
    expect(storedFiles(folder).length).toBe(filesBefore - 1);
    expect((await anna.get(own.downloadUrl)).statusCode).toBe(404);
    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'attachment' AND entity_id = ${String(own.id)} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
    const events = await queryRows(
      tandem.database.db,
      sql`SELECT payload FROM outbox_events WHERE event_type = 'ticket.attachment_added'`,
    );
    expect(events.map((event) => event.payload)).toContainEqual(
      expect.objectContaining({ attachmentId: own.id, publishLevel: 'all' }),
    );
  });

  it('documents the upload as multipart/form-data in OpenAPI', async () => {
    const document = (await tandem.anonymous.get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    }>();
    const uploadOperation = document.paths['/api/v1/tickets/{id}/attachments']?.post;
    expect(Object.keys(uploadOperation?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(document.paths['/api/v1/attachments/{id}/download']?.get).toBeDefined();
  });
});
