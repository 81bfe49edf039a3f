// Native sidecars through a pod's life: start gate and startupProbes, restarts against the pod's restartPolicy, Jobs
// that end (or never do, with a helper written the old way in containers), readiness, the stop order and preStop.
// Each question is built for an answer drawn first and checked against the model (shared/model/sidecars.ts, podPhase,
// nextInitStep, podConditions); the templates live in sidecar-templates-*.ts.
import { terminationPairs } from '../model/sidecars.ts';
import { createRng } from '../random.ts';
import { asPermutation } from './answers.ts';
import { shuffledChoices } from './choice.ts';
import { gradeOf } from './grade.ts';
import type { Answer, Difficulty, ExplanationLine, Grade, Picture, PuzzleKind, PuzzleMeta, PuzzleView } from './kind.ts';
import { brokenPairs, orderScore, shownOrder, topologicalOrder } from './ordering.ts';
import type { Ask, NumberAsk, OrderAsk, SingleAsk, Template } from './sidecar-ask.ts';
import { meshListedFirst } from './sidecar-cast.ts';
import { nextStep, podReady, startGate, startOrder } from './sidecar-templates-start.ts';
import { helperExits, jobEnd, sigtermWhen, stopOrder } from './sidecar-templates-end.ts';
import { crashloopAtEnd, jobTwoSteps, sigtermSeconds, stopOrderMixed, stuckSidecar } from './sidecar-templates-hard.ts';
import { appStart, endpointsStartup, nextStepPolicy } from './sidecar-templates-hard2.ts';

export const sidecarTemplates: readonly Template[] = [
  startGate, nextStep, podReady, startOrder, jobEnd, helperExits, stopOrder, sigtermWhen,
  stuckSidecar, jobTwoSteps, stopOrderMixed, sigtermSeconds, crashloopAtEnd, nextStepPolicy, endpointsStartup, appStart,
];

export interface SidecarPuzzle {
  difficulty: Difficulty;
  ask: Ask;
  /** single: the options in the order shown, with the key each stands for. */
  options: { id: string; label: string; key: string }[];
  /** order: item ids in the order shown. */
  shown: string[];
}

const templatesAt = (d: Difficulty): Template[] => sidecarTemplates.filter((t) => t.levels.includes(d));

function generate(seed: string, difficulty: Difficulty): SidecarPuzzle {
  const rng = createRng(`sidecar-lifecycle:${difficulty}:${seed}`);
  const template = rng.pick(templatesAt(difficulty));
  const key = rng.pick(template.keys(difficulty));
  // Casts are drawn again until the mesh proxy, if any, is the first sidecar listed (meshListedFirst).
  let ask = template.make(rng, difficulty, key);
  for (let tries = 0; !meshListedFirst(ask.yaml); tries++) {
    if (tries === 50) throw new Error(`${template.id}: no cast with the mesh proxy listed first`);
    ask = template.make(rng, difficulty, key);
  }
  if (ask.format === 'single') {
    const choices = shuffledChoices(rng, ask.options.map((o) => o.label));
    const options = choices.map((c) => ({ ...c, key: ask.options.find((o) => o.label === c.label)!.key }));
    return { difficulty, ask, options, shown: [] };
  }
  if (ask.format === 'order') {
    const items = ask.stages.flat();
    return { difficulty, ask, options: [], shown: shownOrder(rng, items, terminationPairs(ask.stages)) };
  }
  return { difficulty, ask, options: [], shown: [] };
}

function publicView(p: SidecarPuzzle): PuzzleView {
  const a = p.ask;
  const common = { kind: 'sidecar-lifecycle', prompt: a.prompt, code: { language: 'yaml' as const, text: a.yaml }, ...(a.table ? { table: a.table } : {}) };
  switch (a.format) {
    case 'single': return { ...common, format: 'single', options: p.options.map((o) => ({ id: o.id, label: o.label })) };
    case 'order': return { ...common, format: 'order', items: p.shown.map((id) => ({ id, label: a.labels[id] ?? id })) };
    case 'number': return { ...common, format: 'number', unit: 'seconds' };
  }
}

const orderItems = (a: OrderAsk): string[] => a.stages.flat();

function solve(p: SidecarPuzzle): Answer {
  const a = p.ask;
  if (a.format === 'single') return p.options.find((o) => o.key === a.key)!.id;
  if (a.format === 'order') return topologicalOrder(orderItems(a), terminationPairs(a.stages));
  return a.value;
}

/** The YAML lines (1-based) that name a container the text mentions in backticks. */
function codeLinesFor(yaml: string, text: string): number[] {
  const names = [...text.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
  return yaml.split('\n').flatMap((line, i) => (names.some((n) => new RegExp(`name: ${n}[ ,]|name: ${n}$`).test(line)) ? [i + 1] : []));
}

function whyLines(a: Ask, optionIds?: string[]): ExplanationLine[] {
  return a.why.map((text, i) => {
    const codeLines = codeLinesFor(a.yaml, text);
    const evidence = { ...(codeLines.length > 0 ? { codeLines } : {}), ...(i === 0 && optionIds ? { optionIds } : {}) };
    return Object.keys(evidence).length > 0 ? { text, evidence } : { text };
  });
}

function gradeSingle(p: SidecarPuzzle, a: SingleAsk, answer: unknown): Grade {
  const right = p.options.find((o) => o.key === a.key)!;
  const picked = p.options.find((o) => o.id === answer);
  const score = picked?.id === right.id ? 1 : 0;
  const lead = picked && score === 0 ? [{ text: `Not “${picked.label}”.`, evidence: { optionIds: [picked.id] } }] : [];
  return gradeOf(score, [...lead, ...whyLines(a, [right.id])], a.docUrl);
}

function gradeOrder(p: SidecarPuzzle, a: OrderAsk, answer: unknown): Grade {
  const items = orderItems(a);
  const pairs = terminationPairs(a.stages);
  const order = asPermutation(answer, items);
  const broken = order === null ? pairs : brokenPairs(pairs, order);
  const score = orderScore(items, pairs, p.shown, answer);
  const lead = order === null ? [{ text: 'Place every container exactly once.' }]
    : broken.length > 0 ? [{ text: `${pairs.length - broken.length} of ${pairs.length} orderings kept.` }] : [];
  const stageLines = a.stageNotes.map((note, i): ExplanationLine => {
    const stage = a.stages[i] ?? [];
    const wrong = broken.some(([x, y]) => stage.includes(y) || (i === 0 && stage.includes(x)));
    return { text: `${wrong ? '✗ ' : ''}${note}.`, evidence: { itemIds: [...stage] } };
  });
  // why[0] restates the stage notes; later lines add what the stages do not say (why the mesh proxy is first).
  const notes = a.why.slice(1).map((text): ExplanationLine => ({ text }));
  return gradeOf(score, [...lead, ...stageLines, ...notes], a.docUrl);
}

function gradeNumber(a: NumberAsk, answer: unknown): Grade {
  const x = typeof answer === 'number' && Number.isFinite(answer) ? answer : null;
  const score = x === a.value ? 1 : 0;
  const lead = x !== null && score === 0 ? [{ text: `${a.value} s, not ${x}.` }] : [];
  return gradeOf(score, [...lead, ...whyLines(a)], a.docUrl);
}

function grade(p: SidecarPuzzle, answer: unknown): Grade {
  const a = p.ask;
  if (a.format === 'single') return gradeSingle(p, a, answer);
  if (a.format === 'order') return gradeOrder(p, a, answer);
  return gradeNumber(a, answer);
}

function meta(p: SidecarPuzzle): PuzzleMeta {
  const a = p.ask;
  return { template: a.template, rules: [...a.rules], answerKey: a.format === 'order' ? null : a.answerKey };
}

/** The stop (or start) sequence for order questions; the template's own picture otherwise. */
function picture(p: SidecarPuzzle): Picture | null {
  const a = p.ask;
  if (a.picture) return a.picture;
  if (a.format !== 'order') return null;
  const steps = a.stages.map((stage, i) => ({ id: stage.join('+'), label: stage.join(' + '), note: a.stageNotes[i] ?? '' }));
  return { type: 'sequence', lanes: [{ label: a.template.endsWith('start-order') ? 'start order' : 'SIGTERM order', steps }] };
}

const templatesOf = (d: Difficulty): string[] => templatesAt(d).map((t) => `sidecar-lifecycle/${t.id}`);

export const sidecarLifecycle = {
  id: 'sidecar-lifecycle',
  concept: 'Sidecars',
  title: 'Sidecar lifecycle',
  description: 'How native sidecars start, restart, let Jobs finish, count toward Ready and shut down last.',
  templates: { easy: templatesOf('easy'), medium: templatesOf('medium'), hard: templatesOf('hard') },
  generate,
  publicView,
  solve,
  grade,
  meta,
  picture,
} satisfies PuzzleKind<SidecarPuzzle>;
