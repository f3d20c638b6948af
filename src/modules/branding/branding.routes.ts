import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withActor } from '../../access/request-context.ts';
import { errorResponses } from '../../lib/http-schemas.ts';
import { notFound } from '../../lib/errors.ts';
import { brandingPatch, brandingSchema } from './branding.schemas.ts';
import { changeBranding, readBranding, readLogo } from './branding.service.ts';

/** The MSP's name, colour and logo (#14): read by everyone, the sign-in page first; set by administrators. */
export function brandingRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['branding'];

  routes.get(
    '/api/v1/branding',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The MSP’s name, accent colour and logo address (public: the sign-in page shows them)',
        response: { 200: brandingSchema, ...errorResponses },
      },
    },
    () => readBranding(app.db),
  );

  routes.get(
    '/api/v1/branding/logo',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The logo image (404 without one); its address changes with every new logo',
        querystring: z.strictObject({ v: z.string().max(20).optional() }),
        produces: ['image/png', 'image/jpeg', 'image/webp'],
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (_request, reply) => {
      const logo = await readLogo(app.db);
      if (!logo) throw notFound('Logo');
      return reply
        .header('content-type', logo.contentType)
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(logo.bytes);
    },
  );

  routes.patch(
    '/api/v1/branding',
    {
      schema: {
        tags,
        summary: 'Change the name, accent colour or logo (administrators)',
        body: brandingPatch,
        response: { 200: brandingSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => changeBranding(context, request.body)),
  );
}
