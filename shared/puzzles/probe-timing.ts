// "How many seconds?": probe settings (as YAML) or a crash loop → seconds until the kubelet acts.
// Every answer is computed by shared/model/probes.ts and shared/model/backoff.ts; the questions live in
// probe-timing-probes.ts and probe-timing-backoff.ts.
import { createRng, type Rng } from '../random.ts';
import { asNumber } from './answers.ts';
import type { Difficulty, Grade, PuzzleKind, PuzzleView } from './kind.ts';
import { workloads, type ProbeTimingPuzzle, type Workload } from './probe-timing-workloads.ts';
import { combinedQuestion, firstReadyQuestion, singleProbeQuestion } from './probe-timing-probes.ts';
import { backoffDelayQuestion, backoffResetQuestion, backoffTotalQuestion } from './probe-timing-backoff.ts';

export type { ProbeTimingPuzzle };

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
  return { score, correct: exact, explanation: parts.filter(Boolean).join(' '), docUrl: p.docUrl };
}

function publicView(p: ProbeTimingPuzzle): PuzzleView {
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
  solve: (p) => p.seconds,
  grade,
} satisfies PuzzleKind<ProbeTimingPuzzle>;
