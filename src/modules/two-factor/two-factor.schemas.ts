import { z } from 'zod';

/** Six digits from the app ("123 456" allowed) or a recovery code ("abcd-efgh-jkmn-pqrs"). */
export const codeField = z.string().trim().min(6).max(64);

export const pendingTokenField = z.string().min(16).max(128);

export const secondStepInput = z.strictObject({ pendingToken: pendingTokenField, code: codeField });
export const pendingEnrolmentInput = z.strictObject({ pendingToken: pendingTokenField });
export const confirmEnrolmentInput = z.strictObject({ code: codeField });
export const pendingConfirmInput = secondStepInput;

/** Proof that the person is at the keyboard: a current code, or the password. */
export const proofInput = z
  .strictObject({ code: codeField.optional(), password: z.string().min(1).max(1024).optional() })
  .refine((proof) => (proof.code === undefined) !== (proof.password === undefined), {
    error: 'Send either a current code or your password.',
  });
export type ProofInput = z.infer<typeof proofInput>;

export const secondStepSchema = z.object({
  /** `code`: ask for a code from the app (or a recovery code); `enrol`: the security level requires two-factor sign-in and it is not set up yet. */
  next: z.enum(['code', 'enrol']),
  /** Single use, valid for 10 minutes and a few wrong codes; send it with the code (or the enrolment). */
  pendingToken: z.string(),
  expiresInSeconds: z.number(),
});
export type SecondStep = z.infer<typeof secondStepSchema>;

export const enrolmentSchema = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, an SVG data URL. */
  qrCode: z.string(),
});
export type EnrolmentResponse = z.infer<typeof enrolmentSchema>;

export const recoveryCodesSchema = z.object({
  /** Ten single-use codes, shown only in this answer; each signs in once instead of a code from the app. */
  recoveryCodes: z.array(z.string()),
});

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number(),
  requiredBySecurityLevel: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;
