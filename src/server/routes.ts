import type { FastifyInstance } from 'fastify';
import { activationRoutes } from '../modules/activation/activation.routes.ts';
import { attachmentRoutes } from '../modules/attachment/attachment.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { organisationRoutes } from '../modules/organisation/organisation.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { companyRoutes } from '../modules/company/company.routes.ts';
import { coManagedRoutes } from '../modules/co-managed/co-managed.routes.ts';
import { contactRoutes } from '../modules/contact/contact.routes.ts';
import { noteRoutes } from '../modules/note/note.routes.ts';
import { resourceRoutes } from '../modules/resource/resource.routes.ts';
import { securityLevelRoutes } from '../modules/security-level/security-level.routes.ts';
import { ticketRoutes } from '../modules/ticket/ticket.routes.ts';
import { ticketViewRoutes } from '../modules/ticket-view/ticket-view.routes.ts';
import { ticketConfigRoutes } from '../modules/ticket-config/ticket-config.routes.ts';
import { timeEntryRoutes } from '../modules/time-entry/time-entry.routes.ts';
import { incomingMailRoutes } from '../modules/mail/incoming-mail.routes.ts';
import { notificationRoutes } from '../modules/notification/notification.routes.ts';
import { slaRoutes } from '../modules/sla/sla.routes.ts';
import { webhookRoutes } from '../modules/webhook/webhook.routes.ts';
import { workflowRoutes } from '../modules/workflow/workflow.routes.ts';
import { worklistRoutes } from '../modules/worklist/worklist.routes.ts';

/** Every API module, in one list. */
export function registerRoutes(app: FastifyInstance): void {
  organisationRoutes(app);
  activationRoutes(app);
  auditRoutes(app);
  authRoutes(app);
  companyRoutes(app);
  coManagedRoutes(app);
  contactRoutes(app);
  resourceRoutes(app);
  securityLevelRoutes(app);
  ticketRoutes(app);
  ticketViewRoutes(app);
  noteRoutes(app);
  attachmentRoutes(app);
  ticketConfigRoutes(app);
  timeEntryRoutes(app);
  workflowRoutes(app);
  slaRoutes(app);
  notificationRoutes(app);
  webhookRoutes(app);
  incomingMailRoutes(app);
  worklistRoutes(app);
}
