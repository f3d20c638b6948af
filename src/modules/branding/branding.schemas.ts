import { z } from 'zod';
import { brandColors } from '../../shared/access-vocabulary.ts';

/** A logo may be this large at most: it is shown in a header, not printed. */
export const maxLogoBytes = 256 * 1024;
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

export const brandingSchema = z.object({
  name: z.string(),
  accentColor: z.enum(brandColors),
  /** Where the logo is served, with its version so a new one is fetched; null: none. */
  logoUrl: z.string().nullable(),
});
export type BrandingResponse = z.infer<typeof brandingSchema>;

export const brandingPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(60).optional(),
    accentColor: z.enum(brandColors).optional(),
    /** A PNG, JPEG or WebP image as base64 (at most 256 KB); null removes the logo. */
    logo: z
      .strictObject({
        contentType: z.enum(logoTypes),
        base64: z
          .string()
          .max(Math.ceil(maxLogoBytes / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      })
      .nullable()
      .optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type BrandingPatch = z.infer<typeof brandingPatch>;
