import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';
import { projectRoot } from './project-root.ts';

/**
 * What every password set in Tandem must satisfy, wherever it is set (a user
 * created or changed by an admin, co-managed access, the bootstrap admin, a
 * person changing their own): NIST SP 800-63B's rules — long enough, not too
 * long to hash, not a known common or breached password (also not one with a
 * few digits or symbols around it), not the e-mail address. No composition
 * rules ("one digit, one symbol"): they make passwords worse, not better.
 */
export const passwordRules = { minLength: 12, maxLength: 256 } as const;

export type PasswordRejection = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'same_as_email';

const messages: Record<PasswordRejection, string> = {
  too_short: `The password is too short: use at least ${passwordRules.minLength} characters (a few words make a good one).`,
  too_long: `The password is too long: use at most ${passwordRules.maxLength} characters.`,
  common: 'This password is on a list of common or breached passwords; choose another.',
  repetitive: 'This password repeats a few characters; choose another.',
  same_as_email: 'The password must not be the e-mail address.',
};

let commonPasswords: Set<string> | undefined;

/** The shipped list (src/lib/common-passwords.txt, see its LICENSE file), read on first use. */
function commonPasswordList(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(projectRoot, 'src', 'lib', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return commonPasswords;
}

/** Digits and symbols people put around a common word to pass a length rule: "Sunshine2024!". */
const decoration = /^[\d\W_]+|[\d\W_]+$/gu;

export function passwordProblem(
  password: string,
  context: { email?: string | null },
): PasswordRejection | null {
  // Code points, as people count characters (an emoji of several code points counts more, which is fine).
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counting code points is the intent
  const length = [...password].length;
  if (length < passwordRules.minLength) return 'too_short';
  if (length > passwordRules.maxLength) return 'too_long';
  const lower = password.toLowerCase();
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return 'same_as_email';
  if (/^(.{1,4})\1+$/su.test(lower)) return 'repetitive';
  const list = commonPasswordList();
  const core = lower.replace(decoration, '');
  if (list.has(lower) || (core.length > 0 && list.has(core))) return 'common';
  return null;
}

/** 422 `weak_password` with the reason (`details.reason`) and the field it is about. */
export function assertAcceptablePassword(
  password: string,
  context: { email?: string | null; field?: string },
): void {
  const problem = passwordProblem(password, context);
  if (problem === null) return;
  throw new AppError('weak_password', messages[problem], {
    field: context.field ?? 'password',
    reason: problem,
    minLength: passwordRules.minLength,
    maxLength: passwordRules.maxLength,
  });
}
