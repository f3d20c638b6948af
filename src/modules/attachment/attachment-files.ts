import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { BlobStorage } from '../../lib/storage/blob-storage.ts';
import { attachmentsFolder, LocalFolderStorage } from '../../lib/storage/local-folder-storage.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where attachment bytes live; see src/lib/storage/blob-storage.ts. */
    attachmentStorage: BlobStorage;
  }
}

/**
 * The app's attachment store: one decorated before the routes (another adapter,
 * or a test's), else the local folder from the environment.
 */
export function attachmentStorageOf(app: FastifyInstance): BlobStorage {
  if (!app.hasDecorator('attachmentStorage')) {
    app.decorate('attachmentStorage', new LocalFolderStorage(attachmentsFolder()));
  }
  return app.attachmentStorage;
}

/** `TANDEM_MAX_ATTACHMENT_MB` (default 25) in bytes. */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env.TANDEM_MAX_ATTACHMENT_MB ?? 25);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new Error('TANDEM_MAX_ATTACHMENT_MB must be a positive number of megabytes.');
  }
  return Math.floor(megabytes * 1024 * 1024);
}

/**
 * Removes files whose rows are already gone (after the commit). A failure
 * leaves an orphan file that nothing refers to — logged, not an error for the
 * request whose change did happen.
 */
export async function discardFiles(
  storage: BlobStorage,
  storageKeys: readonly string[],
  log: FastifyBaseLogger,
): Promise<void> {
  for (const storageKey of storageKeys) {
    await storage.delete(storageKey).catch((error: unknown) => {
      log.warn({ err: error, storageKey }, 'an attachment file could not be removed');
    });
  }
}
