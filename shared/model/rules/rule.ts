// One rule the model follows: a title in words (what a player reads), the docs/rules/ page and anchor that explain
// it in our words, and the kubernetes.io section that supports it. Areas define their rules with defineArea, which
// prefixes each id with the area, so ids are unique across the registry ('init/one-at-a-time').

export interface RuleInfo {
  /** A short title in words, e.g. "Init containers run one at a time, in order". */
  title: string;
  /** docs/rules/<page>.md */
  page: string;
  /** The heading anchor on that page. */
  anchor: string;
  /** The kubernetes.io section that supports the rule. */
  docUrl: string;
}

export type RuleDef = Omit<RuleInfo, 'page'>;

export type AreaRules<P extends string, T> = { [K in keyof T & string as `${P}/${K}`]: RuleInfo };

export function defineArea<const P extends string, const T extends Record<string, RuleDef>>(page: P, defs: T): AreaRules<P, T> {
  const out: Record<string, RuleInfo> = {};
  for (const [key, def] of Object.entries(defs)) out[`${page}/${key}`] = { ...def, page };
  return out as AreaRules<P, T>;
}
