import type { AccessReason } from './access-explainer.schemas.ts';

type Params = AccessReason['params'];

/** One step of the chain; the web app renders `explain.reason.<code>` with the parameters. */
export function reason(code: string, outcome: AccessReason['outcome'], params: Params = {}): AccessReason {
  return { code, outcome, params, messageKey: `explain.reason.${code}` };
}

export const allow = (code: string, params?: Params) => reason(code, 'allow', params);
export const deny = (code: string, params?: Params) => reason(code, 'deny', params);
export const info = (code: string, params?: Params) => reason(code, 'info', params);
