import { eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { Database, Transaction } from '../../db/database.ts';
import { branding } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { brandColors, type BrandColor } from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { sniffContentType } from '../attachment/content-sniffing.ts';
import { type BrandingPatch, type BrandingResponse, maxLogoBytes } from './branding.schemas.ts';

type BrandingRow = typeof branding.$inferSelect;

function present(
  row: Pick<BrandingRow, 'name' | 'accentColor' | 'logoType' | 'updatedAt'>,
): BrandingResponse {
  const accentColor = (brandColors as readonly string[]).includes(row.accentColor)
    ? (row.accentColor as BrandColor)
    : 'blue';
  return {
    name: row.name,
    accentColor,
    logoUrl: row.logoType === null ? null : `/api/v1/branding/logo?v=${row.updatedAt.getTime().toString(36)}`,
  };
}

const shown = {
  name: branding.name,
  accentColor: branding.accentColor,
  logoType: branding.logoType,
  updatedAt: branding.updatedAt,
};

/** The MSP's name, colour and logo address: public, the sign-in page shows them. */
export async function readBranding(db: Database): Promise<BrandingResponse> {
  const [row] = await db.select(shown).from(branding).where(eq(branding.id, 1));
  return present(row ?? { name: 'Tandem', accentColor: 'blue', logoType: null, updatedAt: new Date(0) });
}

/** The logo's bytes and type, or null without one. */
export async function readLogo(db: Database): Promise<{ bytes: Buffer; contentType: string } | null> {
  const [row] = await db
    .select({ logo: branding.logo, logoType: branding.logoType })
    .from(branding)
    .where(eq(branding.id, 1));
  return row?.logo && row.logoType ? { bytes: row.logo, contentType: row.logoType } : null;
}

/** Administrators change the branding; the logo must be the image it says it is. */
export async function changeBranding(context: ActorContext, patch: BrandingPatch): Promise<BrandingResponse> {
  requireAdmin(context.actor, 'change the branding');
  const logo = patch.logo === undefined ? undefined : patch.logo === null ? null : decodeLogo(patch.logo);
  const before = await current(context.tx);
  const [after] = await context.tx
    .update(branding)
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.accentColor === undefined ? {} : { accentColor: patch.accentColor }),
      ...(logo === undefined ? {} : { logo: logo?.bytes ?? null, logoType: logo?.contentType ?? null }),
      updatedAt: new Date(),
    })
    .where(eq(branding.id, 1))
    .returning(shown);
  if (!after) throw new AppError('internal_error', 'The branding was not saved.');
  await recordAudit(context, {
    action: 'update',
    entityType: 'branding',
    entityId: 1,
    before: { name: before.name, accentColor: before.accentColor, logoType: before.logoType },
    after: { name: after.name, accentColor: after.accentColor, logoType: after.logoType },
  });
  return present(after);
}

async function current(tx: Transaction) {
  const [row] = await tx.select(shown).from(branding).where(eq(branding.id, 1));
  if (!row) throw new AppError('internal_error', 'The branding row is missing.');
  return row;
}

function decodeLogo(logo: NonNullable<BrandingPatch['logo']>): { bytes: Buffer; contentType: string } {
  const bytes = Buffer.from(logo.base64, 'base64');
  if (bytes.length === 0 || bytes.length > maxLogoBytes) {
    throw new AppError('validation_failed', `A logo must be between 1 byte and ${maxLogoBytes / 1024} KB.`, {
      field: 'logo',
    });
  }
  // What the bytes are, not what the client says: an image of another kind, or no image, is refused.
  if (sniffContentType(bytes) !== logo.contentType) {
    throw new AppError(
      'validation_failed',
      `The logo is not a ${logo.contentType.replace('image/', '').toUpperCase()} image.`,
      {
        field: 'logo',
      },
    );
  }
  return { bytes, contentType: logo.contentType };
}
