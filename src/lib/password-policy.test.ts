import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertAcceptablePassword, passwordProblem, passwordRules } from './password-policy.ts';

describe('password policy', () => {
  it.each<[string, string, ReturnType<typeof passwordProblem>]>([
    ['eleven characters', 'abcdefghijk', 'too_short'],
    ['too long', 'x'.repeat(passwordRules.maxLength - 10) + 'abcdefghijk', 'too_long'],
    ['a common password', 'qwertyuiop123', 'common'],
    ['a common password in other case', 'QwertyUiop123', 'common'],
    ['a common word with digits and a symbol around it', 'Sunshine2024!', 'common'],
    ['a common password with decoration in front', '!!!123qweasdzxc', 'common'],
    ['a repeated character', 'aaaaaaaaaaaaaa', 'repetitive'],
    ['a repeated chunk', 'abcabcabcabcabc', 'repetitive'],
    ['the e-mail address', 'Tom.Becker@Northwind.example', 'same_as_email'],
    ['the e-mail address before the @', 'tom.becker.it', null],
    ['a passphrase', 'correct horse battery staple', null],
    ['a random string', 'Vq7#pL2m!xR9wT', null],
    ['exactly the minimum', 'kettle-violin', null],
  ])('%s', (_label, password, expected) => {
    expect(passwordProblem(password, { email: 'tom.becker@northwind.example' })).toBe(expected);
  });

  it('refuses the local part of the e-mail address as the password', () => {
    expect(passwordProblem('tom.becker.example', { email: 'tom.becker.example@northwind.example' })).toBe(
      'same_as_email',
    );
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('ÄÖÜäöüßÄÖÜäö', {})).toBeNull();
    expect(passwordProblem('ÄÖÜäöüßÄÖÜä', {})).toBe('too_short');
  });

  it('answers 422 weak_password with the reason and the field', () => {
    try {
      assertAcceptablePassword('password', { field: 'newPassword' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'weak_password',
        details: { field: 'newPassword', reason: 'too_short', minLength: 12, maxLength: 256 },
      });
    }
  });
});
