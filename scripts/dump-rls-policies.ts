/**
 * Writes docs/rls-policies.sql: the row-level security a freshly migrated database enforces
 * (`npm run db:rls-doc`). Migrates an in-memory PGlite, so it needs no server and touches no data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { renderRlsPoliciesDocument, rlsPoliciesDocumentPath } from '../src/db/rls-policies-document.ts';
import { projectRoot } from '../src/lib/project-root.ts';

const database = await openDatabase({ kind: 'pglite' });
try {
  await database.migrate();
  const document = await renderRlsPoliciesDocument(database.db);
  writeFileSync(path.join(projectRoot, rlsPoliciesDocumentPath), document);
  console.log(`wrote ${rlsPoliciesDocumentPath}`);
} finally {
  await database.close();
}
