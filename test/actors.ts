import { expect } from 'vitest';
import type { Actor } from '../src/access/actor.ts';
import { AppError } from '../src/lib/errors.ts';
import {
  actions,
  type LicenceType,
  type PermissionMatrix,
  type PermissionScope,
  type SecuredObject,
  securedObjects,
  securityLevelFlags,
} from '../src/shared/access-vocabulary.ts';

// Actors built in memory for policy tests: no database, every fact spelled out.

export const myCompany = 10; // in the actor's reach and "my companies"
export const otherCompany = 20; // in reach, not among "my companies"

/** A permission matrix: the scopes given, `none` everywhere else. */
export function matrix(scopes: Partial<Record<SecuredObject, Partial<Record<string, PermissionScope>>>>) {
  return Object.fromEntries(
    securedObjects.map((object) => [
      object,
      Object.fromEntries(actions.map((action) => [action, scopes[object]?.[action] ?? 'none'])),
    ]),
  ) as PermissionMatrix;
}

/** Resource 7, reaching both test companies, with "my companies" the first. */
export function actorWith(licence: LicenceType, admin: boolean, permissions: PermissionMatrix): Actor {
  const flags = Object.fromEntries(securityLevelFlags.map((flag) => [flag, false]));
  return {
    resourceId: 7,
    impersonatorId: null,
    licence,
    email: 'someone@example.com',
    displayName: 'Someone',
    locale: 'en',
    companyId: 1,
    contactId: null,
    securityLevel: {
      id: 1,
      name: 'Test',
      permissions,
      flags: { ...(flags as Actor['securityLevel']['flags']), admin },
      portalTier: null,
      ticketKinds: { queueIds: null, categoryIds: null },
    },
    reach: new Set([myCompany, otherCompany]),
    myCompanyIds: new Set([myCompany]),
    coManagedActivationOn: true,
  };
}

/** Runs `check`; answers the 403's reason, or null when it passed. */
export function refusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('forbidden');
    return (error as AppError).message;
  }
}
