import type { ActorContext } from '../../access/actor-transaction.ts';
import { assertMayAdministerCoManaged } from './co-managed.policy.ts';
import type { CoManagedWarning, CoManagedWarningsResponse } from './warnings.schemas.ts';
import {
  categoriesRestrictedAwayFromMembers,
  coManagingUsersWithInternalRate,
  coManagingUsersWithoutCompanies,
  companiesWithoutPrimary,
  queuesHiddenByCategoryDefault,
  queuesRestrictedAwayFromMembers,
} from './warnings.repository.ts';

/**
 * Misconfigurations of co-managed access an administrator should fix, each with a stable code,
 * the names involved and where to fix it. Exported for the admin home's health count.
 */
export async function coManagedWarnings(context: ActorContext): Promise<CoManagedWarningsResponse> {
  assertMayAdministerCoManaged(context.actor);
  const { tx } = context;
  const items: CoManagedWarning[] = [];
  for (const company of await companiesWithoutPrimary(tx)) {
    items.push({
      code: 'company_without_primary',
      message: `${company.name} has co-managing users but no primary co-managing user.`,
      names: { company: company.name },
      people: [],
      link: `/admin/co-managed?company=${company.id}`,
    });
  }
  for (const person of await coManagingUsersWithoutCompanies(tx)) {
    items.push({
      code: 'co_managing_user_without_companies',
      message: `${person.name} is a co-managing user without any company.`,
      names: { person: person.name },
      people: [person.name],
      link: `/admin/co-managed?person=${person.id}`,
    });
  }
  for (const person of await coManagingUsersWithInternalRate(tx)) {
    items.push({
      code: 'co_managing_user_internal_rate',
      message: `${person.name} has the role ${person.roleName} with an internal cost of ${person.internalCost}; co-managing users' internal rate must be 0.`,
      names: { person: person.name, role: person.roleName },
      people: [person.name],
      // Fixed on the user's page (their roles) or on the role's rates.
      link: `/admin/resources/${person.id}`,
    });
  }
  for (const issue of await queuesHiddenByCategoryDefault(tx)) {
    items.push({
      code: 'queue_hides_tickets_from_members',
      message: `Tickets of category ${issue.categoryName ?? ''} go to queue ${issue.queueName} hidden from co-managing users, yet ${issue.members.join(', ')} are members of it.`,
      names: { queue: issue.queueName, category: issue.categoryName ?? '' },
      people: issue.members,
      link: `/admin/co-managed?queue=${issue.queueId}`,
    });
  }
  for (const issue of await queuesRestrictedAwayFromMembers(tx)) {
    items.push({
      code: 'queue_restricted_from_members',
      message: `Queue ${issue.queueName} has co-managing members whose security level does not offer it: ${issue.members.join(', ')}.`,
      names: { queue: issue.queueName },
      people: issue.members,
      link: `/admin/co-managed?queue=${issue.queueId}`,
    });
  }
  for (const issue of await categoriesRestrictedAwayFromMembers(tx)) {
    items.push({
      code: 'category_restricted_from_members',
      message: `Category ${issue.categoryName ?? ''} files tickets into queue ${issue.queueName}, but its co-managing members' security level does not offer the category: ${issue.members.join(', ')}.`,
      names: { queue: issue.queueName, category: issue.categoryName ?? '' },
      people: issue.members,
      link: `/admin/co-managed?queue=${issue.queueId}`,
    });
  }
  return { count: items.length, items };
}
