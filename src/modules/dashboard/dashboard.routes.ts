import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withActor } from '../../access/request-context.ts';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import {
  dashboardInput,
  dashboardListSchema,
  dashboardPatch,
  dashboardSchema,
  homeInput,
  sharesInput,
} from './dashboard.schemas.ts';
import {
  createDashboard,
  deleteDashboard,
  getDashboard,
  listDashboards,
  replaceShares,
  setHomeDashboard,
  updateDashboard,
} from './dashboard.service.ts';

export function dashboardRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];

  routes.get(
    '/api/v1/dashboards',
    {
      schema: {
        tags,
        summary: 'Your dashboards and those published to you; figures are computed for whoever looks',
        response: { 200: dashboardListSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listDashboards(context)),
  );

  routes.post(
    '/api/v1/dashboards',
    {
      schema: {
        tags,
        summary: 'Create a dashboard (needs the level’s “create dashboards” flag)',
        body: dashboardInput,
        response: { 201: dashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createDashboard(context, request.body))),
  );

  routes.get(
    '/api/v1/dashboards/:id',
    {
      schema: {
        tags,
        summary: 'One dashboard of yours or published to you (404 otherwise)',
        params: idParams,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getDashboard(context, request.params.id)),
  );

  routes.patch(
    '/api/v1/dashboards/:id',
    {
      schema: {
        tags,
        summary: 'Rename it or change its widgets (yours only; one published to you is 403)',
        params: idParams,
        body: dashboardPatch,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateDashboard(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/dashboards/:id',
    {
      schema: {
        tags,
        summary: 'Delete a dashboard of yours',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteDashboard(context, request.params.id));
      return reply.status(204).send(null);
    },
  );

  routes.put(
    '/api/v1/dashboards/:id/shares',
    {
      schema: {
        tags,
        summary:
          'Publish it read-only to security levels, departments (MSP staff) or people; needs “share dashboards”. Replaces the list',
        params: idParams,
        body: sharesInput,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => replaceShares(context, request.params.id, request.body)),
  );

  routes.put(
    '/api/v1/me/home-dashboard',
    {
      schema: {
        tags,
        summary: 'The dashboard you land on; null for your kind of user’s default',
        body: homeInput,
        response: { 200: z.object({ homeDashboardId: z.number().nullable() }), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => setHomeDashboard(context, request.body.dashboardId)),
  );
}
