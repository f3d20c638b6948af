import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { AdminHealth } from './admin-health.schemas.ts';
import {
  companiesWithoutPrimary,
  coManagingUsersWithoutCompanies,
} from '../co-managed/warnings.repository.ts';
import { activeCoManagingUserNames, healthCounts } from './admin-health.repository.ts';

/** The admin home's figures, counted under the administrator's own access. */
export async function adminHealth(context: ActorContext, imapConfigured: boolean): Promise<AdminHealth> {
  requireAdmin(context.actor, 'see the administration overview');
  const { tx } = context;
  const counts = await healthCounts(tx);
  const n = (key: string) => Number(counts[key] ?? 0);
  return {
    coManaged: {
      enabled: counts.co_managed_enabled === true,
      activeUsers: await activeCoManagingUserNames(tx),
      // The same queries as the co-managed warnings, so the home and the warnings list agree.
      companiesWithoutPrimary: (await companiesWithoutPrimary(tx)).length,
      usersWithoutCompanies: (await coManagingUsersWithoutCompanies(tx)).length,
    },
    securityLevels: { system: n('levels_system'), copied: n('levels_copied') },
    slas: { active: n('slas_active'), total: n('slas_total') },
    workflowRules: { active: n('rules_active'), total: n('rules_total') },
    notificationTemplates: { active: n('templates_active'), total: n('templates_total') },
    webhooks: { active: n('webhooks_active'), total: n('webhooks_total') },
    incomingMail: { imapConfigured, received: n('mail_received') },
  };
}
