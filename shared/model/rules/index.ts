// The rules registry: every rule a puzzle can exercise, by id ('<area>/<rule>'), one file per area.
// docs/rules/README.md indexes the pages; test/shared/model/rules.test.ts checks every anchor exists.
import type { RuleInfo } from './rule.ts';
import { conditionsRules } from './conditions.ts';
import { debuggingRules } from './debugging.ts';
import { designRules } from './design.ts';
import { initRules } from './init.ts';
import { kubectlRules } from './kubectl.ts';
import { phaseRules } from './phase.ts';
import { probesRules } from './probes.ts';
import { sharingRules } from './sharing.ts';
import { sidecarsRules } from './sidecars.ts';
import { toolsRules } from './tools.ts';

export type { RuleInfo } from './rule.ts';

export const rules = {
  ...phaseRules,
  ...conditionsRules,
  ...initRules,
  ...sidecarsRules,
  ...probesRules,
  ...kubectlRules,
  ...sharingRules,
  ...designRules,
  ...debuggingRules,
  ...toolsRules,
} as const;

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];

export function isRuleId(id: unknown): id is RuleId {
  return typeof id === 'string' && Object.hasOwn(rules, id);
}

export function ruleInfo(id: RuleId): RuleInfo {
  return rules[id];
}
