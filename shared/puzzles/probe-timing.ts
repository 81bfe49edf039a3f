// "How many seconds?": probe settings (as YAML) or a crash loop → seconds until the kubelet acts.
// Every answer is computed by shared/model/probes.ts and shared/model/backoff.ts; the questions live in
// probe-timing-probes.ts and probe-timing-backoff.ts.
import { createRng, type Rng } from '../random.ts';
import { asNumber } from './answers.ts';
import type { Difficulty, Grade, NumberView, PuzzleKind } from './kind.ts';
import { metaFromView, oneLineGrade } from './grade.ts';
import { workloads, type ProbeTimingPuzzle, type Workload } from './probe-timing-workloads.ts';
import { combinedQuestion, firstReadyQuestion, singleProbeQuestion } from './probe-timing-probes.ts';
import { backoffDelayQuestion, backoffResetQuestion, backoffTotalQuestion } from './probe-timing-backoff.ts';

export type { ProbeTimingPuzzle };

const ASKS = [
  'startup-give-up', 'liveness-kill', 'readiness-removal', 'readiness-recovery', 'combined-startup-give-up',
  'liveness-after-startup', 'first-ready', 'backoff-delay', 'backoff-total', 'backoff-reset',
].map((ask) => `probe-timing/${ask}`);

const CAVEAT = 'Probes tick on the kubelet’s own clock, so the real moment can come up to one period sooner.';

const builders: Record<Difficulty, readonly ((rng: Rng, w: Workload, d: Difficulty) => ProbeTimingPuzzle)[]> = {
  easy: [singleProbeQuestion],
  medium: [singleProbeQuestion, singleProbeQuestion, backoffDelayQuestion],
  hard: [combinedQuestion, combinedQuestion, firstReadyQuestion, backoffTotalQuestion, backoffResetQuestion],
};

function generate(seed: string, difficulty: Difficulty): ProbeTimingPuzzle {
  const rng = createRng(seed);
  return rng.pick(builders[difficulty])(rng, rng.pick(workloads), difficulty);
}

function grade(p: ProbeTimingPuzzle, answer: unknown): Grade {
  const x = asNumber(answer);
  const exact = x === p.seconds;
  const near = x !== null && !exact && p.approximate && Math.abs(x - p.seconds) <= Math.max(1, p.seconds * 0.1);
  const score = exact ? 1 : near ? 0.5 : 0;
  const verdict = exact ? `The answer is ${p.seconds} s.` : x === null ? `The answer is ${p.seconds} s.`
    : near ? `Close: the bound is ${p.seconds} s, you said ${x}.` : `It is ${p.seconds} s, not ${x}.`;
  const miss = exact ? undefined : p.misses.find((m) => m.value === x && m.value !== p.seconds);
  const parts = [verdict, p.working, miss?.note, p.approximate ? CAVEAT : undefined];
  return oneLineGrade(score, parts.filter(Boolean).join(' '), p.docUrl);
}

function publicView(p: ProbeTimingPuzzle): NumberView {
  return {
    kind: 'probe-timing',
    format: 'number',
    prompt: p.prompt,
    unit: 'seconds',
    code: { language: p.code.language, text: p.code.text },
  };
}

export const probeTiming = {
  id: 'probe-timing',
  concept: 'Probes',
  title: 'Probe and backoff timing',
  description: 'Read probe settings or a crash loop and work out how many seconds until the kubelet acts.',
  generate,
  publicView,
  // Interim (issue 9): one template per quantity asked, until the kind is reworked (not split by level yet).
  templates: { easy: ASKS, medium: ASKS, hard: ASKS },
  solve: (p) => p.seconds,
  grade,
  meta: (p) => metaFromView(publicView(p), p.seconds, `probe-timing/${p.ask}`),
} satisfies PuzzleKind<ProbeTimingPuzzle>;
