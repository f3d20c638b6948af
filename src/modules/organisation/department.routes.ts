import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentDepartment } from './department.presenter.ts';
import { departmentInput, departmentPatch, departmentSchema } from './department.schemas.ts';
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listAllDepartments,
  updateDepartment,
} from './department.service.ts';
import { organisationListQuery } from './organisation.schemas.ts';

export function departmentRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  routes.get(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: 'Departments, by name, cursor-paginated (every signed-in user)',
        querystring: organisationListQuery,
        response: { 200: pageOf(departmentSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listAllDepartments(context, request.query)),
  );

  routes.get(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'One department',
        params: idParams,
        response: { 200: departmentSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentDepartment(context.actor, await getDepartment(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: 'Add a department (administrators)',
        body: departmentInput,
        response: { 201: departmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createDepartment(context, request.body))),
  );

  routes.patch(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Change a department (administrators)',
        params: idParams,
        body: departmentPatch,
        response: { 200: departmentSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateDepartment(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a department nobody is in (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteDepartment(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
