import { requireAdmin } from '../../access/authorize.ts';
import { AppError } from '../../lib/errors.ts';
import { randomToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { deleteAllSessionsOf } from '../auth/session.repository.ts';
import { storeApiCredential, usernameTakenByAnother } from './api-credential.repository.ts';
import type { ApiCredentialInput, ApiCredentialResponse } from './resource.schemas.ts';
import { getVisibleResource, type ResourceAccess } from './resource.service.ts';

// Sessions and API credentials live outside the app role's grants; see
// ResourceAccess for why their writes follow the actor transaction.

export async function revokeResourceSessions(
  access: ResourceAccess,
  id: number,
): Promise<{ revoked: number }> {
  await access.asActor(async (context) => {
    await getVisibleResource(context, id);
    requireAdmin(context.actor, 'manage users');
    await recordAudit(context, { action: 'revoke_sessions', entityType: 'resource', entityId: id });
  });
  return { revoked: await deleteAllSessionsOf(access.system, id) };
}

/**
 * Issues (or replaces) the credential of an API user. The secret is a
 * server-generated 256-bit token; only its SHA-256 is stored, so this answer
 * is the only time anyone sees it. The audit entry is written once the
 * credential is stored, so a refused username leaves no false record.
 */
export async function issueApiCredentials(
  access: ResourceAccess,
  id: number,
  input: ApiCredentialInput,
): Promise<ApiCredentialResponse> {
  await access.asActor(async (context) => {
    const resource = await getVisibleResource(context, id);
    requireAdmin(context.actor, 'manage users');
    if (resource.licenceType !== 'api_only') {
      throw new AppError(
        'unprocessable',
        'API credentials are only for API users (api_only licence); people sign in with a password.',
        { reason: 'not_api_user' },
      );
    }
  });
  if (await usernameTakenByAnother(access.system, input.username, id)) {
    throw new AppError('conflict', 'Another API user already has this username.', { field: 'username' });
  }
  const secret = randomToken();
  await storeApiCredential(access.system, { resourceId: id, ...input, secret });
  await access.asActor((context) =>
    recordAudit(context, {
      action: 'issue_api_credentials',
      entityType: 'resource',
      entityId: id,
      after: { username: input.username, integrationCode: input.integrationCode },
    }),
  );
  return { resourceId: id, username: input.username, integrationCode: input.integrationCode, secret };
}
