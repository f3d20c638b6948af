import { AsyncLocalStorage } from 'node:async_hooks';

/** Rules calling actions that save the ticket again form a chain; this is how deep it may go. */
export const maxRuleDepth = 5;

export interface RuleChain {
  depth: number;
  /** Rules already running in this chain: a rule's own changes never trigger it again. */
  ruleIds: ReadonlySet<number>;
}

const chains = new AsyncLocalStorage<RuleChain>();

export function currentChain(): RuleChain {
  return chains.getStore() ?? { depth: 0, ruleIds: new Set() };
}

/** Runs a rule's actions one level deeper in the chain. */
export function withinRule<T>(ruleId: number, work: () => Promise<T>): Promise<T> {
  const chain = currentChain();
  return chains.run({ depth: chain.depth + 1, ruleIds: new Set([...chain.ruleIds, ruleId]) }, work);
}
