// "How many seconds?": probe settings (as YAML) or a crash loop → seconds until the kubelet acts. Every answer and
// every timeline comes from shared/model/probes.ts, probe-schedule.ts and backoff.ts; the questions live in
// probe-timing-probes.ts (one probe), probe-timing-combined.ts (two rules at once) and probe-timing-backoff.ts.
import { createRng, type Rng } from '../random.ts';
import { asNumber } from './answers.ts';
import { gradeOf } from './grade.ts';
import type { Difficulty, ExplanationLine, Grade, NumberView, Picture, PuzzleKind, PuzzleMeta } from './kind.ts';
import type { TimingPuzzle } from './probe-timing-kit.ts';
import { askIds, probeGraceQuestion, singleProbeQuestion } from './probe-timing-probes.ts';
import { hangTimeout, killThenGrace, livenessAfterStartup, readinessAfterStartup, startupGatesGiveUp } from './probe-timing-combined.ts';
import { backoffFromRestarts, backoffNth, backoffReset, backoffTotal, backoffTotalCap, nthStart } from './probe-timing-backoff.ts';

export type ProbeTimingPuzzle = TimingPuzzle;

type Builder = (rng: Rng) => TimingPuzzle;

const single = (level: 'easy' | 'medium') => (id: string): [string, Builder] =>
  [`probe-timing/${id}${level === 'medium' ? '-defaults' : ''}`, (rng) => singleProbeQuestion(rng, level, id)];

/** Template id → builder, per level: one template, one question. */
const builders: Record<Difficulty, Record<string, Builder>> = {
  easy: Object.fromEntries([
    ...askIds.map(single('easy')),
    ['probe-timing/probe-grace', (rng: Rng) => probeGraceQuestion(rng, 'easy')],
    ['probe-timing/backoff-nth', backoffNth],
  ]),
  medium: Object.fromEntries([
    ...askIds.map(single('medium')),
    ['probe-timing/probe-grace-defaults', (rng: Rng) => probeGraceQuestion(rng, 'medium')],
    ['probe-timing/backoff-from-restarts', backoffFromRestarts],
    ['probe-timing/backoff-total', backoffTotal],
  ]),
  hard: {
    'probe-timing/startup-gates-give-up': startupGatesGiveUp,
    'probe-timing/liveness-after-startup': livenessAfterStartup,
    'probe-timing/readiness-after-startup': readinessAfterStartup,
    'probe-timing/hang-timeout': hangTimeout,
    'probe-timing/kill-then-grace': killThenGrace,
    'probe-timing/backoff-total-cap': backoffTotalCap,
    'probe-timing/backoff-reset': backoffReset,
    'probe-timing/nth-start': nthStart,
  },
};

function generate(seed: string, difficulty: Difficulty): ProbeTimingPuzzle {
  const rng = createRng(seed);
  const id = rng.pick(Object.keys(builders[difficulty]));
  const puzzle = builders[difficulty][id]!(rng);
  if (puzzle.template !== id) throw new Error(`${id} built ${puzzle.template}`);
  return puzzle;
}

/** A near miss on an approximate bound: within this share of it (at least 1 s) earns half credit. */
const NEAR = 0.1 as const;
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function grade(p: ProbeTimingPuzzle, answer: unknown): Grade {
  const x = asNumber(answer);
  const exact = x === p.seconds;
  const miss = exact || x === null ? undefined : p.misses.find((m) => m.value === x);
  // Near a bound on a ticking clock earns half credit, a known mistake that lands near included: closer to the key
  // never scores less (the prompt says "about"), and the mistake's note still says what it missed.
  const tolerance = Math.max(1, p.seconds * NEAR);
  const near = x !== null && !exact && p.approximate && Math.abs(x - p.seconds) <= tolerance;
  const head: ExplanationLine[] = near && miss ? [{ text: `Half credit: ${miss.note}` }]
    : near ? [{ text: `Close: ${p.seconds} s is the bound; checks tick on the kubelet’s own clock, so half credit for ${x}.` }]
      : miss ? [{ text: miss.note }] : [];
  // docs/protocol.md promises the near-miss rule in the explanation: the near hear it in the head line, a known
  // mistake hears what it was, everyone else reads it on the last line (kept short: the reveal has ~60 words).
  const share = p.seconds * NEAR >= 1 ? ` (${NEAR * 100} %)` : '';
  const rule = p.approximate && !near && !miss ? ` An answer within ${fmt(tolerance)} s${share} earns half credit.` : '';
  const lines = p.lines.map((l, i): ExplanationLine => {
    const text = i === p.lines.length - 1 ? `${l.text}${rule}` : l.text;
    return l.codeLines && l.codeLines.length > 0 ? { text, evidence: { codeLines: [...l.codeLines] } } : { text };
  });
  return gradeOf(exact ? 1 : near ? 0.5 : 0, [...head, ...lines], p.docUrl);
}

function publicView(p: ProbeTimingPuzzle): NumberView {
  return { kind: 'probe-timing', format: 'number', prompt: p.prompt, unit: 'seconds', code: { language: p.code.language, text: p.code.text } };
}

const meta = (p: ProbeTimingPuzzle): PuzzleMeta => ({ template: p.template, rules: [...p.rules], answerKey: String(p.seconds) });

function picture(p: ProbeTimingPuzzle): Picture {
  const t = p.timeline;
  return {
    type: 'timeline', unit: 's', end: t.end,
    tracks: t.tracks.map((track) => ({ label: track.label, marks: track.marks.map((m) => ({ ...m })) })),
    ...(t.answerAt !== undefined ? { answerAt: t.answerAt } : {}),
  };
}

export const probeTiming = {
  id: 'probe-timing',
  concept: 'Probes',
  title: 'Probe and backoff timing',
  description: 'Read probe settings or a crash loop and work out how many seconds until the kubelet acts.',
  templates: {
    easy: Object.keys(builders.easy),
    medium: Object.keys(builders.medium),
    hard: Object.keys(builders.hard),
  },
  generate,
  publicView,
  solve: (p) => p.seconds,
  grade,
  meta,
  picture,
} satisfies PuzzleKind<ProbeTimingPuzzle>;
