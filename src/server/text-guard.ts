import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

/** Deeper than any body the API takes (a workflow rule's conditions are the deepest, a few levels). */
export const maxNestingDepth = 64;

/**
 * PostgreSQL cannot store the NUL character in text or JSON, and no person types one: a request that
 * carries one anywhere — body, query or path — is refused before any route's schema runs, for every
 * route at once, instead of failing inside the database. So is JSON nested deeper than
 * `maxNestingDepth`: nothing the API takes is that deep, and walking it (here, in the schemas, in
 * PostgreSQL's JSON parser) would exhaust a stack (a body of 10,000 nested arrays was a 500).
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [where, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const problem = textProblem(value);
      if (problem !== null) {
        done(
          new AppError('validation_failed', 'The request is not valid.', {
            issues: [{ location: problem.location || '/', where, message: problem.message }],
          }),
        );
        return;
      }
    }
    done();
  });
}

/**
 * The first NUL (in a value or a key) or the first level too deep, with where it is as a JSON pointer;
 * null when there is none. Walks with its own stack, so no input can overflow the call stack.
 */
function textProblem(root: unknown): { location: string; message: string } | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { location: path, message: nulMessage };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxNestingDepth) {
      return { location: path, message: `Nested deeper than ${maxNestingDepth} levels.` };
    }
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, inner] = entries[index] as [string, unknown];
      if (key.includes('\u0000'))
        return { location: `${path}/${key.replaceAll('\u0000', '\\u0000')}`, message: nulMessage };
      pending.push({ value: inner, path: `${path}/${key}`, depth: depth + 1 });
    }
  }
  return null;
}

const nulMessage = 'Text may not contain the NUL character.';
