// "Probes at work": which probe a situation calls for, what a probe does when its check fails, and what to change in a
// spec. Each template offers four fixed options; the answer is drawn first, evenly, and the template builds a pod or
// a scenario that yields it from shared/model/probes.ts, probe-checks.ts and probe-windows.ts.
import { createRng } from '../random.ts';
import type { RuleId } from '../model/rules/index.ts';
import { asOptionId } from './answers.ts';
import { shuffledChoices, type Choice } from './choice.ts';
import { gradeOf } from './grade.ts';
import type { Difficulty, ExplanationLine, Grade, PuzzleKind, PuzzleMeta, SingleView } from './kind.ts';
import { choiceLabels, type ChoiceId } from './probe-choice-answers.ts';
import type { ChoiceTemplate } from './probe-choice-kit.ts';
import { easyTemplates } from './probe-choice-easy.ts';
import { mediumTemplatesA } from './probe-choice-medium.ts';
import { mediumTemplatesB } from './probe-choice-medium-specs.ts';
import { hardTemplatesA } from './probe-choice-hard.ts';
import { hardTemplatesB } from './probe-choice-hard-runs.ts';
import { linesTagged, yamlText } from './probe-yaml.ts';

const byLevel: Record<Difficulty, readonly ChoiceTemplate[]> = {
  easy: easyTemplates,
  medium: [...mediumTemplatesA, ...mediumTemplatesB],
  hard: [...hardTemplatesA, ...hardTemplatesB],
};

/** Plain data: the room keeps it as JSON until the reveal. */
export interface ProbeChoicePuzzle {
  template: string;
  prompt: string;
  yaml: string | null;
  options: Choice[];
  /** The answer behind each option id. */
  optionAnswers: Record<string, ChoiceId>;
  answer: ChoiceId;
  lines: ExplanationLine[];
  whyNot: Partial<Record<ChoiceId, string>>;
  rules: RuleId[];
  docUrl: string;
}

function generate(seed: string, difficulty: Difficulty): ProbeChoicePuzzle {
  const rng = createRng(seed);
  const template = rng.pick(byLevel[difficulty]);
  const answer = rng.pick(template.answers);
  const c = template.build(rng, answer);
  const offered = template.optionsFor?.(answer) ?? template.options;
  const options = shuffledChoices(rng, offered.map((o) => choiceLabels[o]));
  const optionAnswers = Object.fromEntries(options.map((o) => [o.id, offered.find((a) => choiceLabels[a] === o.label)!]));
  const correctId = options.find((o) => optionAnswers[o.id] === answer)!.id;
  const lines = c.lines.map((l, i): ExplanationLine => {
    const codeLines = c.yaml && l.tags ? linesTagged(c.yaml, ...l.tags) : [];
    const evidence = { ...(codeLines.length > 0 ? { codeLines } : {}), ...(i === 0 ? { optionIds: [correctId] } : {}) };
    return Object.keys(evidence).length > 0 ? { text: l.text, evidence } : { text: l.text };
  });
  return {
    template: template.id, prompt: c.prompt, yaml: c.yaml ? yamlText(c.yaml) : null, options, optionAnswers, answer,
    lines, whyNot: c.whyNot, rules: c.rules, docUrl: c.docUrl,
  };
}

const correctIdOf = (p: ProbeChoicePuzzle): string => Object.keys(p.optionAnswers).find((id) => p.optionAnswers[id] === p.answer)!;

function grade(p: ProbeChoicePuzzle, answer: unknown): Grade {
  const picked = asOptionId(answer, p.options);
  const correct = picked === correctIdOf(p);
  const pickedAnswer = picked === null ? undefined : p.optionAnswers[picked];
  const note = !correct && pickedAnswer ? p.whyNot[pickedAnswer] : undefined;
  const lines = note && picked ? [{ text: note, evidence: { optionIds: [picked] } }, ...p.lines] : p.lines;
  return gradeOf(correct ? 1 : 0, lines, p.docUrl);
}

function publicView(p: ProbeChoicePuzzle): SingleView {
  const view: SingleView = { kind: 'probe-choice', format: 'single', prompt: p.prompt, options: p.options.map((o) => ({ id: o.id, label: o.label })) };
  if (p.yaml !== null) view.code = { language: 'yaml', text: p.yaml };
  return view;
}

const meta = (p: ProbeChoicePuzzle): PuzzleMeta => ({ template: p.template, rules: [...p.rules], answerKey: choiceLabels[p.answer] });

export const probeChoice = {
  id: 'probe-choice',
  concept: 'Probes',
  title: 'Probes at work',
  description: 'Pick the probe a situation calls for, say what a failing check does, or fix a probe spec.',
  templates: {
    easy: byLevel.easy.map((t) => t.id),
    medium: byLevel.medium.map((t) => t.id),
    hard: byLevel.hard.map((t) => t.id),
  },
  generate,
  publicView,
  solve: correctIdOf,
  grade,
  meta,
} satisfies PuzzleKind<ProbeChoicePuzzle>;
