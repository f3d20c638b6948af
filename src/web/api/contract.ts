/**
 * The API contract as the web app sees it: every answer and request body is inferred from the
 * server's own zod schemas, so a changed schema fails `tsc -p src/web` wherever the screens rely
 * on the old shape. Imports are type-only: no server code (and no zod) reaches the bundle.
 */
import type { z } from 'zod';
import type { activationSchema } from '../../modules/activation/activation.schemas.ts';
import type { adminHealthSchema } from '../../modules/admin-health/admin-health.schemas.ts';
import type {
  securityLevelPatch,
  securityLevelSchema,
} from '../../modules/security-level/security-level.schemas.ts';
import type { pageOf } from '../../lib/http-schemas.ts';
import type { brandingPatch, brandingSchema } from '../../modules/branding/branding.schemas.ts';
import type { helpdeskEscalationListSchema } from '../../modules/workflow/helpdesk-escalations.ts';
import type { attachmentSchema } from '../../modules/attachment/attachment.schemas.ts';
import type { meSchema } from '../../modules/auth/me.presenter.ts';
import type {
  enrolmentSchema,
  proofInput,
  recoveryCodesSchema,
  secondStepSchema,
  twoFactorStatusSchema,
} from '../../modules/two-factor/two-factor.schemas.ts';
import type { companySchema } from '../../modules/company/company.schemas.ts';
import type { contactSchema } from '../../modules/contact/contact.schemas.ts';
import type { noteInput, noteSchema } from '../../modules/note/note.schemas.ts';
import type { resourceSchema } from '../../modules/resource/resource.schemas.ts';
import type {
  helpdeskMemberPatch,
  helpdeskMemberSchema,
} from '../../modules/resource/helpdesk-team.service.ts';
import type {
  issueTypeResource,
  subIssueTypeResource,
} from '../../modules/ticket-config/issue-type.definition.ts';
import type { noteTypeResource } from '../../modules/ticket-config/note-type.definition.ts';
import type { queueResource } from '../../modules/ticket-config/queue.definition.ts';
import type { requestTypeResource } from '../../modules/ticket-config/request-type.definition.ts';
import type { ticketCategorySchema } from '../../modules/ticket-config/ticket-category.schemas.ts';
import type { listOf } from '../../modules/ticket-config/ticket-config.schemas.ts';
import type { ticketPriorityResource } from '../../modules/ticket-config/ticket-priority.definition.ts';
import type { ticketSourceResource } from '../../modules/ticket-config/ticket-source.definition.ts';
import type { ticketStatusResource } from '../../modules/ticket-config/ticket-status.definition.ts';
import type { workTypeResource } from '../../modules/ticket-config/work-type.definition.ts';
import type { ticketViewInput, ticketViewSchema } from '../../modules/ticket-view/ticket-view.schemas.ts';
import type {
  escalateInput,
  historySchema,
  ticketDetailSchema,
  ticketInput,
  ticketListQuery,
  ticketPatch,
  ticketSchema,
  ticketSorts,
  transferInput,
} from '../../modules/ticket/ticket.schemas.ts';
import type { timeEntryInput, timeEntrySchema } from '../../modules/time-entry/time-entry.schemas.ts';
import type { slaInput, slaSchema } from '../../modules/sla/sla.schemas.ts';
import type { slaObjective } from '../../modules/sla/sla-objectives.ts';
import type {
  worklistAddInput,
  worklistItemSchema,
  worklistNextInput,
  worklistNextSchema,
  worklistOrderInput,
  worklistSchema,
} from '../../modules/worklist/worklist.schemas.ts';

// Answers: what the server's response schemas let through (`z.output`).

/** One page of a cursor-paged list (`pageOf` on the server). */
export type Page<Item> = z.output<ReturnType<typeof pageOf<z.ZodType<Item>>>>;
/** A whole, unpaged list (`listOf` on the server: the configuration tables). */
export type Items<Item> = z.output<ReturnType<typeof listOf<z.ZodType<Item>>>>;

export type Me = z.output<typeof meSchema>;
export type SecondStep = z.output<typeof secondStepSchema>;
export type TwoFactorEnrolment = z.output<typeof enrolmentSchema>;
export type TwoFactorStatus = z.output<typeof twoFactorStatusSchema>;
export type RecoveryCodes = z.output<typeof recoveryCodesSchema>;
export type ProofBody = z.input<typeof proofInput>;
export type Ticket = z.output<typeof ticketSchema>;
export type TicketDetail = z.output<typeof ticketDetailSchema>;
export type HistoryEntry = z.output<typeof historySchema>;
export type Note = z.output<typeof noteSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type TimeEntry = z.output<typeof timeEntrySchema>;
export type Company = z.output<typeof companySchema>;
export type Contact = z.output<typeof contactSchema>;
export type HelpdeskMember = z.output<typeof helpdeskMemberSchema>;
export type HelpdeskMemberPatchBody = z.input<typeof helpdeskMemberPatch>;
export type Resource = z.output<typeof resourceSchema>;
export type SavedView = z.output<typeof ticketViewSchema>;
export type Worklist = z.output<typeof worklistSchema>;
export type WorklistItem = z.output<typeof worklistItemSchema>;
export type WorklistNext = z.output<typeof worklistNextSchema>;

// Ticket configuration is served by one generic route per table; each table's definition carries
// the schema its answers are checked against.
export type TicketStatus = z.output<typeof ticketStatusResource.responseSchema>;
export type TicketPriority = z.output<typeof ticketPriorityResource.responseSchema>;
export type Queue = z.output<typeof queueResource.responseSchema>;
export type HelpdeskEscalations = z.output<typeof helpdeskEscalationListSchema>;
export type Branding = z.output<typeof brandingSchema>;
export type BrandingPatchBody = z.input<typeof brandingPatch>;
export type RequestType = z.output<typeof requestTypeResource.responseSchema>;
export type TicketCategory = z.output<typeof ticketCategorySchema>;
export type TicketSource = z.output<typeof ticketSourceResource.responseSchema>;
export type IssueType = z.output<typeof issueTypeResource.responseSchema>;
export type SubIssueType = z.output<typeof subIssueTypeResource.responseSchema>;
export type WorkType = z.output<typeof workTypeResource.responseSchema>;
export type NoteType = z.output<typeof noteTypeResource.responseSchema>;
/** The ticket fields a category's rules can show, hide or require. */
export type FieldRuleKey = keyof TicketCategory['fieldRules'];

// Requests: what the server's input schemas accept (`z.input`, before defaults and transforms).

/** The ticket list's query string: filters, sort and paging, as `GET /api/v1/tickets` reads them. */
export type TicketListParams = z.input<typeof ticketListQuery>;
export type TicketSort = (typeof ticketSorts)[number];

export type TicketCreateBody = z.input<typeof ticketInput>;
export type TicketPatchBody = z.input<typeof ticketPatch>;
export type TransferBody = z.input<typeof transferInput>;
export type EscalateBody = z.input<typeof escalateInput>;
export type NoteBody = z.input<typeof noteInput>;
export type TimeEntryBody = z.input<typeof timeEntryInput>;
export type SavedViewBody = z.input<typeof ticketViewInput>;
export type WorklistAddBody = z.input<typeof worklistAddInput>;
export type WorklistOrderBody = z.input<typeof worklistOrderInput>;
export type WorklistNextBody = z.input<typeof worklistNextInput>;
export type AdminHealth = z.output<typeof adminHealthSchema>;
export type Activation = z.output<typeof activationSchema>;
export type SecurityLevel = z.output<typeof securityLevelSchema>;
export type SecurityLevelPatchBody = z.input<typeof securityLevelPatch>;
export type Sla = z.output<typeof slaSchema>;
export type SlaBody = z.input<typeof slaInput>;
export type SlaObjective = z.output<typeof slaObjective>;

// Automation admin screens (#12 item 7): workflow rules, notification templates, webhooks.
export type WorkflowRule = z.output<typeof import('../../modules/workflow/workflow.schemas.ts').ruleSchema>;
export type WorkflowRuleListItem = z.output<
  typeof import('../../modules/workflow/workflow.schemas.ts').ruleListItemSchema
>;
export type WorkflowRuleBody = z.input<typeof import('../../modules/workflow/workflow.schemas.ts').ruleInput>;
export type RuleCondition = z.input<typeof import('../../modules/workflow/rule-definition.ts').ruleCondition>;
export type RuleAction = z.input<typeof import('../../modules/workflow/rule-definition.ts').ruleAction>;
export type WorkflowRuleRun = z.output<
  typeof import('../../modules/workflow/workflow.schemas.ts').ruleRunSchema
>;
export type WorkflowTestRun = z.output<
  typeof import('../../modules/workflow/workflow.schemas.ts').testRunSchema
>;
export type NotificationTemplate = z.output<
  typeof import('../../modules/notification/notification.schemas.ts').templateSchema
>;
export type NotificationTemplateBody = z.input<
  typeof import('../../modules/notification/notification.schemas.ts').templateInput
>;
export type TemplatePreview = z.output<
  typeof import('../../modules/notification/notification.schemas.ts').templatePreviewSchema
>;
export type WebhookSubscription = z.output<
  typeof import('../../modules/webhook/webhook.schemas.ts').subscriptionSchema
>;
export type WebhookSubscriptionBody = z.input<
  typeof import('../../modules/webhook/webhook.schemas.ts').subscriptionInput
>;
export type WebhookDelivery = z.output<
  typeof import('../../modules/webhook/webhook.schemas.ts').deliverySchema
>;
export type WebhookTestDelivery = z.output<
  typeof import('../../modules/webhook/webhook.schemas.ts').testDeliverySchema
>;
