import type { FastifyInstance } from 'fastify';
import { configRoutes } from './config.routes.ts';
import { issueTypeInput, issueTypeResource } from './issue-type.definition.ts';
import { noteTypeInput, noteTypeResource } from './note-type.definition.ts';
import { queueInput, queueResource } from './queue.definition.ts';
import { requestTypeInput, requestTypeResource } from './request-type.definition.ts';
import { subIssueTypeRoutes } from './sub-issue-type.routes.ts';
import { ticketCategoryResource } from './ticket-category.definition.ts';
import { ticketCategoryInput } from './ticket-category.schemas.ts';
import { ticketPriorityInput, ticketPriorityResource } from './ticket-priority.definition.ts';
import { ticketSourceInput, ticketSourceResource } from './ticket-source.definition.ts';
import { ticketStatusInput, ticketStatusResource } from './ticket-status.definition.ts';
import { workTypeInput, workTypeResource } from './work-type.definition.ts';

/** Ticket configuration (admin screens; every signed-in user reads it): one entry for the route list. */
export function ticketConfigRoutes(app: FastifyInstance): void {
  configRoutes(app, ticketStatusResource, ticketStatusInput);
  configRoutes(app, ticketPriorityResource, ticketPriorityInput);
  configRoutes(app, queueResource, queueInput);
  configRoutes(app, ticketSourceResource, ticketSourceInput);
  configRoutes(app, issueTypeResource, issueTypeInput);
  subIssueTypeRoutes(app);
  configRoutes(app, ticketCategoryResource, ticketCategoryInput);
  configRoutes(app, workTypeResource, workTypeInput);
  configRoutes(app, noteTypeResource, noteTypeInput);
  configRoutes(app, requestTypeResource, requestTypeInput);
}
