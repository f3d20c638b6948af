import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withActor } from '../../access/request-context.ts';
import { errorResponses } from '../../lib/http-schemas.ts';
import {
  openTrendQuery,
  openTrendResponse,
  slaPerformanceQuery,
  slaPerformanceResponse,
  timeLoggedQuery,
  timeLoggedResponse,
} from './live-reports.schemas.ts';
import { openTicketTrend } from './open-trend.service.ts';
import { slaPerformance } from './sla-performance.service.ts';
import { ticketCountsQuery, ticketCountsResponse } from './ticket-counts.schemas.ts';
import { timeLogged } from './time-logged.service.ts';
import { countTicketsBy } from './ticket-counts.service.ts';

export function reportRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  routes.get(
    '/api/v1/reports/ticket-counts',
    {
      schema: {
        tags,
        summary:
          'Ticket counts grouped by one dimension, with the ticket list’s filters and scope; each group carries the filter that lists its tickets',
        querystring: ticketCountsQuery,
        response: { 200: ticketCountsResponse, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => countTicketsBy(context, request.query)),
  );

  routes.get(
    '/api/v1/reports/open-trend',
    {
      schema: {
        tags,
        summary: 'Open tickets at the end of each recent day (UTC), with the ticket list’s filters and scope',
        querystring: openTrendQuery,
        response: { 200: openTrendResponse, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => openTicketTrend(context, request.query)),
  );

  routes.get(
    '/api/v1/reports/sla-performance',
    {
      schema: {
        tags,
        summary: 'SLA objectives met, breached, at risk, running and paused, over the tickets you see',
        querystring: slaPerformanceQuery,
        response: { 200: slaPerformanceResponse, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => slaPerformance(context, request.query)),
  );

  routes.get(
    '/api/v1/reports/time-logged',
    {
      schema: {
        tags,
        summary:
          'Hours logged by person, work type, company or day over the time you may read; money only with “view internal cost”',
        querystring: timeLoggedQuery,
        response: { 200: timeLoggedResponse, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => timeLogged(context, request.query)),
  );
}
