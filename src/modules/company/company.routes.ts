import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentCompany } from './company.presenter.ts';
import { companyInput, companyListQuery, companyPatch, companySchema } from './company.schemas.ts';
import {
  createCompany,
  deleteCompany,
  getVisibleCompany,
  listVisibleCompanies,
  updateCompany,
} from './company.service.ts';

export function companyRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['companies'];

  routes.get(
    '/api/v1/companies',
    {
      schema: {
        tags,
        summary: 'Companies you can reach, by name, cursor-paginated',
        querystring: companyListQuery,
        response: { 200: pageOf(companySchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleCompanies(context, request.query)),
  );

  routes.get(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'One company (404 when missing or out of reach)',
        params: idParams,
        response: { 200: companySchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentCompany(context.actor, await getVisibleCompany(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/companies',
    {
      schema: {
        tags,
        summary: 'Add a company (MSP staff)',
        body: companyInput,
        response: { 201: companySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createCompany(context, request.body))),
  );

  routes.patch(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a company',
        params: idParams,
        body: companyPatch,
        response: { 200: companySchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateCompany(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a company without dependent records',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteCompany(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
