import { AsyncLocalStorage } from 'node:async_hooks';

/** Rules calling actions that save the ticket again form a chain; this is how deep it may go. */
export const maxRuleDepth = 5;

export interface RuleChain {
  depth: number;
  /**
   * Rules that already ran anywhere in this chain (shared by all its levels): each rule
   * runs at most once per save, so its own changes never trigger it again and a set of
   * rules that trigger one another stays linear instead of branching.
   */
  fired: Set<number>;
}

const chains = new AsyncLocalStorage<RuleChain>();

/** The chain this code runs in, or a new one for a save that no rule made. */
export function inChain<T>(work: (chain: RuleChain) => Promise<T>): Promise<T> {
  const chain = chains.getStore();
  if (chain) return work(chain);
  const root = { depth: 0, fired: new Set<number>() };
  return chains.run(root, () => work(root));
}

/** Runs a rule's actions one level deeper in the chain. */
export function withinRule<T>(ruleId: number, work: () => Promise<T>): Promise<T> {
  const chain = chains.getStore() ?? { depth: 0, fired: new Set<number>() };
  chain.fired.add(ruleId);
  return chains.run({ depth: chain.depth + 1, fired: chain.fired }, work);
}
