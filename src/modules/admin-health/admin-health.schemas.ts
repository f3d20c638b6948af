import { z } from 'zod';

const configured = z.object({ active: z.number().int(), total: z.number().int() });

/** What the admin home shows per area: what is configured and what is missing. */
export const adminHealthSchema = z.object({
  coManaged: z.object({
    enabled: z.boolean(),
    /** Active co-managing users by name: who loses access when the help desk is switched off. */
    activeUsers: z.array(z.string()),
    companiesWithoutPrimary: z.number().int(),
    usersWithoutCompanies: z.number().int(),
  }),
  securityLevels: z.object({ system: z.number().int(), copied: z.number().int() }),
  slas: configured,
  workflowRules: configured,
  notificationTemplates: configured,
  webhooks: configured,
  incomingMail: z.object({ imapConfigured: z.boolean(), received: z.number().int() }),
});
export type AdminHealth = z.output<typeof adminHealthSchema>;
