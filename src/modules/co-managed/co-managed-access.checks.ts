import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { contacts, locations, resources, securityLevels } from '../../db/schema/index.ts';
import { AppError, httpStatusFor, notFound } from '../../lib/errors.ts';
import { assertAcceptablePassword } from '../../lib/password-policy.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import type { EnableAccessInput, EnableAccessRefusal } from './co-managed.schemas.ts';

type CompanyRow = Awaited<ReturnType<typeof getVisibleCompany>>;

/** One company of the grant, as the save will write it. */
export interface PlannedGrant {
  companyId: number;
  includeSubsidiaries: boolean;
  makePrimary: boolean;
  /** Null when the company was refused (unknown, inactive, named twice …). */
  company: CompanyRow | null;
}

/**
 * Everything "Enable co-managed access" reads before it writes, with every reason it would be
 * refused. The save throws the first problem; the dry run lists them all. Both read the same plan,
 * so the preview can never promise a save that is then refused for a reason it did not show.
 */
export interface EnablePlan {
  contact: typeof contacts.$inferSelect;
  level: typeof securityLevels.$inferSelect | null;
  location: typeof locations.$inferSelect | null;
  email: string | null;
  grants: PlannedGrant[];
  problems: AppError[];
}

function refuse(code: AppError['code'], reason: string, message: string, field?: string): AppError {
  return new AppError(code, message, field === undefined ? { reason } : { reason, field });
}

/** A problem as the dry run reports it: the status and code the save would answer, and where to fix it. */
export function presentRefusal(problem: AppError): EnableAccessRefusal {
  const { reason, field } = problem.details;
  return {
    status: httpStatusFor(problem.code),
    code: problem.code,
    reason: typeof reason === 'string' ? reason : problem.code,
    field: typeof field === 'string' ? field : null,
    message: problem.message,
  };
}

async function checkLevel(context: ActorContext, securityLevelId: number, problems: AppError[]) {
  const [level] = await context.tx
    .select()
    .from(securityLevels)
    .where(eq(securityLevels.id, securityLevelId));
  if (!level) {
    problems.push(
      refuse('not_found', 'level_not_found', 'The security level was not found.', 'securityLevelId'),
    );
    return null;
  }
  if (level.licenceType !== 'co_managed') {
    problems.push(
      refuse(
        'unprocessable',
        'level_not_co_managed',
        'Choose a security level of the co-managed licence type.',
        'securityLevelId',
      ),
    );
  }
  return level;
}

async function checkEmail(context: ActorContext, email: string | null, problems: AppError[]) {
  if (!email) {
    problems.push(
      refuse(
        'validation_failed',
        'email_missing',
        'The contact has no e-mail address; send one to sign in with.',
        'email',
      ),
    );
    return;
  }
  const [taken] = await context.tx
    .select({ id: resources.id })
    .from(resources)
    .where(sql`lower(${resources.email}) = ${email.toLowerCase()}`);
  if (taken) {
    problems.push(
      refuse(
        'conflict',
        'email_taken',
        'Another account already signs in with this e-mail address.',
        'email',
      ),
    );
  }
}

function checkPassword(password: string | undefined, email: string | null, problems: AppError[]) {
  if (password === undefined) return;
  try {
    assertAcceptablePassword(password, { email });
  } catch (error) {
    if (error instanceof AppError) problems.push(error);
    else throw error;
  }
}

async function checkLocation(context: ActorContext, locationId: number | undefined, problems: AppError[]) {
  if (locationId === undefined) return null;
  const [location] = await context.tx.select().from(locations).where(eq(locations.id, locationId));
  if (!location) {
    problems.push(refuse('not_found', 'location_not_found', 'The location was not found.', 'locationId'));
  }
  return location ?? null;
}

/** Each company once, customer-side, active and with co-management switched on for it. */
async function checkCompany(
  context: ActorContext,
  companyId: number,
  field: string,
  problems: AppError[],
): Promise<CompanyRow | null> {
  const company = await getVisibleCompany(context, companyId).catch(() => null);
  const problem = !company
    ? refuse('not_found', 'company_not_found', `Company ${companyId} was not found.`, field)
    : company.companyType === 'msp'
      ? refuse(
          'unprocessable',
          'msp_company',
          "The MSP's own company cannot be granted to co-managing users.",
          field,
        )
      : !company.active
        ? refuse('unprocessable', 'company_inactive', `${company.name} is inactive.`, field)
        : !company.coManagedEnabled
          ? refuse(
              'unprocessable',
              'co_managed_off',
              `Switch on co-managed access for ${company.name} before granting it.`,
              field,
            )
          : null;
  if (problem) problems.push(problem);
  return problem ? null : company;
}

async function checkGrants(
  context: ActorContext,
  input: EnableAccessInput,
  contactCompanyId: number,
  problems: AppError[],
): Promise<PlannedGrant[]> {
  // Without a list: the contact's own company with its subsidiaries, as before the wizard existed.
  const named = input.companies ?? [
    { companyId: contactCompanyId, includeSubsidiaries: true, makePrimary: false },
  ];
  const seen = new Set<number>();
  const grants: PlannedGrant[] = [];
  for (const [index, grant] of named.entries()) {
    const field = input.companies ? `companies/${index}/companyId` : 'companies';
    const makePrimary = grant.makePrimary || input.makePrimary;
    if (seen.has(grant.companyId)) {
      problems.push(
        refuse('unprocessable', 'company_named_twice', 'This company is already in the list.', field),
      );
      continue;
    }
    seen.add(grant.companyId);
    const company = await checkCompany(context, grant.companyId, field, problems);
    grants.push({
      companyId: grant.companyId,
      includeSubsidiaries: grant.includeSubsidiaries,
      makePrimary,
      company,
    });
  }
  return grants;
}

/** Reads and checks everything; writes nothing. A missing contact is a 404 for the whole request. */
export async function planEnableAccess(
  context: ActorContext,
  contactId: number,
  input: EnableAccessInput,
): Promise<EnablePlan> {
  const { tx } = context;
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) throw notFound('Contact');
  const problems: AppError[] = [];
  const [existing] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(eq(resources.contactId, contactId));
  if (existing) {
    problems.push(
      new AppError('conflict', 'This contact already has an account.', {
        reason: 'has_account',
        resourceId: existing.id,
      }),
    );
  }
  if (!contact.active) {
    problems.push(
      refuse('unprocessable', 'contact_inactive', 'The contact is inactive; make it active first.'),
    );
  }
  const level = await checkLevel(context, input.securityLevelId, problems);
  const email = input.email ?? contact.email;
  await checkEmail(context, email, problems);
  checkPassword(input.password, email, problems);
  const grants = await checkGrants(context, input, contact.companyId, problems);
  const location = await checkLocation(context, input.locationId, problems);
  return { contact, level, location, email, grants, problems };
}
