import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withActor } from '../../access/request-context.ts';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import { accountTeamInput, accountTeamSchema } from './account-team.schemas.ts';
import { getAccountTeam, replaceAccountTeam } from './account-team.service.ts';

export function accountTeamRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['companies'];

  routes.get(
    '/api/v1/companies/:id/account-team',
    {
      schema: {
        tags,
        summary: 'The MSP staff responsible for a company, by name (404 when the company is out of reach)',
        params: idParams,
        response: { 200: accountTeamSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getAccountTeam(context, request.params.id)),
  );

  routes.put(
    '/api/v1/companies/:id/account-team',
    {
      schema: {
        tags,
        summary: 'Replace a company’s account team (administrators)',
        params: idParams,
        body: accountTeamInput,
        response: { 200: accountTeamSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => replaceAccountTeam(context, request.params.id, request.body)),
  );
}
