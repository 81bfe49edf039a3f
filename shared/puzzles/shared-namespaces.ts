// "Tick every true statement" about what the containers of one concrete pod share. Every statement is judged by
// shared/model/sharing.ts; the generator draws each statement's truth first and builds a pod that makes it so
// (shared/puzzles/sharing-templates.ts), so the YAML decides, never the wording.
import { judge, type SharingPod, type SharingRule } from '../model/sharing.ts';
import type { RuleId } from '../model/rules/index.ts';
import { createRng } from '../random.ts';
import { multiChoiceScore, type Choice } from './choice.ts';
import { gradeOf } from './grade.ts';
import type { Difficulty, ExplanationLine, Grade, MultiView, PuzzleKind, PuzzleMeta } from './kind.ts';
import type { Statement } from './sharing-statements.ts';
import { draft, type SharingTemplate } from './sharing-templates.ts';
import { easyTemplates } from './sharing-templates-easy.ts';
import { mediumTemplates } from './sharing-templates-medium.ts';
import { hardTemplates } from './sharing-templates-hard.ts';
import { renderPod } from './sharing-yaml.ts';

export interface SharedNamespacesPuzzle {
  difficulty: Difficulty;
  template: string;
  story: string;
  pod: SharingPod;
  /** In option order: statements[i] is options[i]. */
  statements: Statement[];
  options: Choice[];
}

const TEMPLATES: Record<Difficulty, readonly SharingTemplate[]> = { easy: easyTemplates, medium: mediumTemplates, hard: hardTemplates };

const SPN_DOC = 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/#understanding-process-namespace-sharing';
const KILL_DOC = 'https://man7.org/linux/man-pages/man2/kill.2.html#DESCRIPTION';
// ptrace(2)'s "Ptrace access mode checking" (in DESCRIPTION) is what guards another process's /proc/<pid>/root.
const PTRACE_DOC = 'https://man7.org/linux/man-pages/man2/ptrace.2.html#DESCRIPTION';
const VOLUMES = 'https://kubernetes.io/docs/concepts/storage/volumes/';
const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
/** The docs section for a puzzle: the most specific rule it exercises wins. */
// A /proc/<pid>/root read decided by the user IDs links ptrace(2)'s access mode check (the headline claim a class
// pushes back on: "root reads anything"); signals link kill(2): the Share Process Namespace task says they need
// SYS_PTRACE, which kill(2) never checks. Each explanation line names its own man page either way.
const DOC_BY_RULE: [SharingRule, string][] = [
  ['proc-root-permission', PTRACE_DOC], ['signal-permission', KILL_DOC], ['pause-pid1', SPN_DOC], ['pid-namespace', SPN_DOC],
  ['configmap-secret-read-only', `${VOLUMES}#configmap`], ['read-only-mount', `${VOLUMES}#read-only-mounts`],
  ['emptydir-lifetime', `${VOLUMES}#how-volumes-work`], ['init-runs-to-completion', 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#understanding-init-containers'],
  ['volumes-where-mounted', `${VOLUMES}#how-volumes-work`], ['uts-namespace', `${PODS}pod-hostname/#hostname-with-pod-s-hostname-and-subdomain-fields`],
  ['port-space', `${PODS}#pod-networking`], ['network-namespace', `${PODS}#pod-networking`],
];

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

const verdicts = (p: SharedNamespacesPuzzle) => p.statements.map((s) => judge(p.pod, s.claim));
const correctIds = (p: SharedNamespacesPuzzle): string[] => p.options.filter((_, i) => verdicts(p)[i]!.yes).map((o) => o.id);

function rulesOf(p: SharedNamespacesPuzzle): SharingRule[] {
  return [...new Set(verdicts(p).flatMap((v) => v.rules))];
}

function premises(p: SharedNamespacesPuzzle): string[] {
  const kinds = new Set(p.statements.map((s) => s.claim.kind));
  return [
    // Stories say what a container is meant to do; a spec may not let it, and the YAML is what the statements ask about.
    'The YAML decides, whatever the story intends.',
    ...(kinds.has('reach-port') || kinds.has('ports-coexist') ? ['The containerPorts list what each container listens on.'] : []),
    ...(kinds.has('signal') || p.statements.some((s) => s.claim.kind === 'read-file' && p.pod.shareProcessNamespace)
      ? ['Containers keep the runtime\'s default capabilities unless the YAML adds some.'] : []),
  ];
}

function generate(seed: string, difficulty: Difficulty): SharedNamespacesPuzzle {
  const rng = createRng(`shared-namespaces:${difficulty}:${seed}`);
  const template = rng.pick(TEMPLATES[difficulty]);
  const { pod, statements, story } = draft(rng, template);
  const order = rng.shuffle(statements.map((_, i) => i));
  const ordered = order.map((i) => statements[i]!);
  const options = ordered.map((s, i) => ({ id: OPTION_IDS[i]!, label: s.label }));
  return { difficulty, template: template.id, story, pod, statements: ordered, options };
}

function publicView(p: SharedNamespacesPuzzle): MultiView {
  return {
    kind: 'shared-namespaces',
    format: 'multi',
    prompt: [`Pod ${p.pod.name} is running. ${p.story}`, ...premises(p), 'Tick every true statement.'].join(' '),
    options: p.options.map((o) => ({ id: o.id, label: o.label })),
    code: { language: 'yaml', text: renderPod(p.pod).text },
  };
}

function lines(p: SharedNamespacesPuzzle): ExplanationLine[] {
  const yaml = renderPod(p.pod);
  return verdicts(p).map((v, i) => {
    const id = p.options[i]!.id;
    return { text: `${id}) ${v.yes ? 'True' : 'False'}: ${v.reason}`, evidence: { optionIds: [id], codeLines: yaml.linesOf(v.refs) } };
  });
}

function grade(p: SharedNamespacesPuzzle, answer: unknown): Grade {
  const score = multiChoiceScore(p.options, correctIds(p), answer);
  const used = new Set(rulesOf(p));
  const doc = DOC_BY_RULE.find(([r]) => used.has(r))?.[1] ?? `${PODS}#pod-networking`;
  return gradeOf(score, lines(p), doc);
}

function meta(p: SharedNamespacesPuzzle): PuzzleMeta {
  const v = verdicts(p);
  return {
    template: p.template,
    rules: rulesOf(p).map((r): RuleId => `sharing/${r}`),
    answerKey: p.statements.filter((_, i) => v[i]!.yes).map((s) => s.wording).sort().join(' + '),
    statements: p.statements.map((s, i) => ({ optionId: p.options[i]!.id, wording: `shared-namespaces/${s.wording}`, truth: v[i]!.yes })),
  };
}

export const sharedNamespaces = {
  id: 'shared-namespaces',
  concept: 'Namespaces & sharing',
  title: 'What do they share?',
  description: 'Read a multi-container pod and tick every true statement about what its containers share.',
  templates: { easy: easyTemplates.map((t) => t.id), medium: mediumTemplates.map((t) => t.id), hard: hardTemplates.map((t) => t.id) },
  generate,
  publicView,
  solve: (p) => correctIds(p),
  grade,
  meta,
} satisfies PuzzleKind<SharedNamespacesPuzzle>;
