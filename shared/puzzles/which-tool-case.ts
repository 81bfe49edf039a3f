// A which-tool question from a need: the right tool must have every capability the need lists, each wrong one
// offered must lack one (shared/model/tools.ts), and the reveal says which.
import { toolsFor, toolsLacking, whyNot, type Capability, type Tool } from '../model/tools.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import type { SingleDraft } from './single-draft.ts';

export const TOOL_RULE: Record<Tool, RuleId> = {
  kubectl: 'tools/kubectl', k9s: 'tools/k9s', stern: 'tools/stern', Lens: 'tools/lens', 'kubectx / kubens': 'tools/kubectx', Helm: 'tools/helm',
};

export const TOOL_DOC: Record<Tool, string> = {
  kubectl: 'https://kubernetes.io/docs/reference/kubectl/#syntax',
  k9s: 'https://github.com/derailed/k9s#key-bindings',
  stern: 'https://github.com/stern/stern#usage',
  Lens: 'https://github.com/lensapp/lens#what-is-lens',
  'kubectx / kubens': 'https://github.com/ahmetb/kubectx#kubectx1',
  // Cases without their own link install a chart version with values: helm upgrade --install's synopsis.
  Helm: 'https://helm.sh/docs/helm/helm_upgrade/#synopsis',
};

export interface ToolCase {
  text: string;
  need: Capability[];
  answer: Tool;
  /** Why this tool, in practice, in one short sentence. */
  because: string;
  /** The tool a player would reach for by habit and why it falls short here: always among the options. */
  tempt?: { tool: Tool; why: string };
  /** Why another wrong tool falls short here, where the model's general line would say too little. */
  others?: Partial<Record<Tool, string>>;
  /** The question, when this case asks something other than the template's. */
  question?: string;
  /** A second rule the case turns on, besides the answer's own. */
  rule?: RuleId;
  doc?: string;
}

/** Four options: the answer and three tools the model is sure lack something the need asks for. */
export function toolDraft(rng: Rng, template: string, c: ToolCase, question = 'Which tool?'): SingleDraft {
  const fits = toolsFor(c.need);
  if (!fits.includes(c.answer)) throw new Error(`${template}: ${c.answer} does not answer its own need`);
  const lacking = toolsLacking(c.need);
  if (c.tempt && !lacking.includes(c.tempt.tool)) throw new Error(`${template}: ${c.tempt.tool} does not surely lack ${c.need.join(', ')}`);
  const wrong = c.tempt ? [c.tempt.tool, ...rng.sample(lacking.filter((t) => t !== c.tempt!.tool), 2)] : rng.sample(lacking, 3);
  if (wrong.length < 3) throw new Error(`${template}: too few tools lack ${c.need.join(', ')}`);
  const why = (t: Tool): string => (c.tempt?.tool === t ? c.tempt.why : c.others?.[t] ?? whyNot(t, c.need));
  return {
    template,
    prompt: `${c.text} ${c.question ?? question}`,
    options: [{ label: c.answer, correct: true, why: '' }, ...wrong.map((t) => ({ label: t, correct: false, why: why(t) }))],
    answerKey: c.answer,
    rules: [TOOL_RULE[c.answer], ...(c.rule ? [c.rule] : [])],
    because: [{ text: c.because }],
    docUrl: c.doc ?? TOOL_DOC[c.answer],
  };
}
