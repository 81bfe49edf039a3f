import { describe, expect, it } from 'vitest';
import { probeTiming, type ProbeTimingPuzzle } from '../../../shared/puzzles/probe-timing.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(probeTiming);

const seeds = Array.from({ length: 600 }, (_, i) => `pt-${i}`);

function firstWith(difficulty: Difficulty, ask: string, extra: (p: ProbeTimingPuzzle) => boolean = () => true): ProbeTimingPuzzle {
  for (const seed of seeds) {
    const p = probeTiming.generate(seed, difficulty);
    if (p.ask === ask && extra(p)) return p;
  }
  throw new Error(`no ${ask} puzzle`);
}

/** The number a YAML line sets, e.g. fieldIn(text, 'periodSeconds'); undefined when the field is left out. */
const fieldIn = (text: string, name: string): number | undefined => {
  const m = text.match(new RegExp(`${name}: (\\d+)`));
  return m ? Number(m[1]) : undefined;
};
const field = (p: ProbeTimingPuzzle, name: string): number | undefined => fieldIn(p.code.text, name);

describe('probeTiming', () => {
  it.each(difficulties)('never points a liveness or startup check at a readiness endpoint (%s)', (d) => {
    for (const seed of seeds.slice(0, 300)) {
      const text = probeTiming.generate(seed, d).code.text;
      for (const block of text.split(/(?=  \w+Probe:)/).filter((b) => /^  (liveness|startup)Probe:/.test(b))) {
        expect(block, text).not.toMatch(/path: \S*ready/);
      }
    }
  });

  it('computes the startup budget from the YAML it shows (initialDelay + failureThreshold × period)', () => {
    for (const seed of seeds.slice(0, 200)) {
      const p = probeTiming.generate(seed, 'easy');
      if (p.ask !== 'startup-give-up') continue;
      const expected = field(p, 'initialDelaySeconds')! + field(p, 'failureThreshold')! * field(p, 'periodSeconds')!;
      expect(p.seconds).toBe(expected);
    }
  });

  it('leaves some relevant field out at medium so the defaults matter, and says so', () => {
    const p = firstWith('medium', 'liveness-kill');
    const f = field(p, 'failureThreshold') ?? 3;
    const period = field(p, 'periodSeconds') ?? 10;
    expect(f === 3 && !p.code.text.includes('failureThreshold') || period === 10 && !p.code.text.includes('periodSeconds')).toBe(true);
    expect(p.seconds).toBe(f * period);
    expect(probeTiming.grade(p, p.seconds).explanation).toMatch(/defaults to/);
  });

  it('gives half credit for a near answer to a probe bound and none for the backoff schedule', () => {
    const probe = firstWith('easy', 'startup-give-up', (p) => p.seconds >= 40);
    expect(probeTiming.grade(probe, probe.seconds + 2)).toMatchObject({ score: 0.5, correct: false });
    expect(probeTiming.grade(probe, probe.seconds * 2).score).toBe(0);
    const backoff = firstWith('medium', 'backoff-delay', (p) => p.seconds >= 40);
    expect(probeTiming.grade(backoff, backoff.seconds + 2).score).toBe(0);
  });

  it('names the mistake when the answer forgets initialDelaySeconds', () => {
    const p = firstWith('easy', 'startup-give-up', (x) => (field(x, 'initialDelaySeconds') ?? 0) > 0);
    const forgot = field(p, 'failureThreshold')! * field(p, 'periodSeconds')!;
    expect(probeTiming.grade(p, forgot).explanation).toMatch(/initialDelaySeconds before the first check counts too/);
  });

  it('does not add liveness time while the startup probe never passes', () => {
    const p = firstWith('hard', 'combined-startup-give-up');
    expect(p.code.text).toMatch(/startupProbe:[\s\S]*livenessProbe:/);
    const wrong = p.misses[0]!.value;
    expect(probeTiming.grade(p, wrong).explanation).toMatch(/never start while the startup probe is failing/);
  });

  it('counts the liveness failures from the moment the startup probe passed', () => {
    const p = firstWith('hard', 'liveness-after-startup');
    const passedAt = Number(p.prompt.match(/passes (\d+) s/)![1]);
    const liveness = p.code.text.split('livenessProbe:')[1]!;
    const kill = (fieldIn(liveness, 'failureThreshold') ?? 3) * (fieldIn(liveness, 'periodSeconds') ?? 10);
    expect(p.seconds).toBe(passedAt + kill);
    expect(liveness).not.toMatch(/initialDelaySeconds/);
  });

  it.each([
    [0, 0], [3, 40], [7, 300],
  ])('reads RESTARTS %i in kubectl output and asks the next wait (%i s)', (restarts, seconds) => {
    const p = firstWith('medium', 'backoff-delay', (x) => Number(x.code.text.match(/Error\s+(\d+)/)![1]) === restarts);
    expect(p.code.language).toBe('shell');
    expect(p.seconds).toBe(seconds);
  });

  it('restarts at once after a run longer than 10 minutes', () => {
    const p = firstWith('hard', 'backoff-reset', (x) => Number(x.prompt.match(/for (\d+) minutes/)![1]) > 10);
    expect(p.seconds).toBe(0);
  });

  it('offers number questions with a seconds unit at every difficulty', () => {
    for (const d of difficulties) {
      const view = probeTiming.publicView(probeTiming.generate('unit', d));
      expect(view).toMatchObject({ format: 'number', unit: 'seconds' });
    }
  });

  it('reads like a golden example', () => {
    const p = probeTiming.generate('golden', 'easy');
    expect(probeTiming.publicView(p)).toMatchInlineSnapshot(`
      {
        "code": {
          "language": "yaml",
          "text": "containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          tcpSocket:
            port: 80
          initialDelaySeconds: 30
          periodSeconds: 10
          timeoutSeconds: 3
          successThreshold: 2
          failureThreshold: 6",
        },
        "format": "number",
        "kind": "probe-timing",
        "prompt": "The web container went not ready during an outage of the upstream API. The upstream API is back, and from now on every readiness check passes. At most about how many seconds until the container is ready again?",
        "unit": "seconds",
      }
    `);
    expect(probeTiming.grade(p, p.seconds).explanation).toMatchInlineSnapshot(`"The answer is 20 s. It needs successThreshold consecutive passes: 2 × 10 = 20 s. Nothing was restarted meanwhile; the pod simply rejoins the Service endpoints. Probes tick on the kubelet’s own clock, so the real moment can come up to one period sooner."`);
  });
});
