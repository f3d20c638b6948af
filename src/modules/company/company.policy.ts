import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { abilitiesFor, type Abilities, type RowFacts } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { companies } from '../../db/schema/index.ts';

/** Companies the actor may see: lists and single rows alike. */
export function companyScope(actor: Actor): SQL {
  return viewScope(actor, 'companies', {
    companyId: companies.id,
    isMine: eq(companies.id, actor.companyId),
  });
}

export function companyFacts(actor: Actor, company: { id: number }): RowFacts {
  return { companyId: company.id, isMine: company.id === actor.companyId };
}

export function companyAbilities(actor: Actor, company: { id: number }): Abilities {
  return abilitiesFor(actor, 'companies', companyFacts(actor, company));
}
