import { describe, expect, it } from 'vitest';
import { probeTiming, type ProbeTimingPuzzle } from '../../../shared/puzzles/probe-timing.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { backoffDelaySeconds, resetReading } from '../../../shared/model/backoff.ts';
import { withProbeDefaults } from '../../../shared/model/probes.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { readPod } from './probe-yaml-reader.ts';

checkPuzzleKind(probeTiming);

const puzzlesAt = (d: Difficulty, n = 600): ProbeTimingPuzzle[] => Array.from({ length: n }, (_, i) => probeTiming.generate(`pt-${d}-${i}`, d));
const all = Object.fromEntries(difficulties.map((d) => [d, puzzlesAt(d)])) as Record<Difficulty, ProbeTimingPuzzle[]>;
const firstOf = (d: Difficulty, template: string, extra: (p: ProbeTimingPuzzle) => boolean = () => true): ProbeTimingPuzzle => {
  const found = all[d].find((p) => p.template === template && extra(p));
  if (!found) throw new Error(`no ${template}`);
  return found;
};
const probe = (p: ProbeTimingPuzzle, kind: string) => readPod(p.code.text).containers[0]!.probes[kind]!;
const settings = (p: ProbeTimingPuzzle, kind: string) => withProbeDefaults(probe(p, kind).fields);
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('probeTiming: answers come from the YAML on screen', () => {
  it.each(['', '-defaults'])('startup give-up%s = initialDelay + failureThreshold × period, defaults filled in', (suffix) => {
    const d = suffix ? 'medium' : 'easy';
    for (const p of all[d].filter((x) => x.template === `probe-timing/startup-give-up${suffix}`)) {
      const s = settings(p, 'startupProbe');
      expect(p.seconds).toBe(s.initialDelaySeconds + s.failureThreshold * s.periodSeconds);
    }
  });

  it('counts liveness failures hours later without initialDelaySeconds, even when the YAML shows one', () => {
    const shown = all.medium.filter((p) => p.template === 'probe-timing/liveness-kill-defaults');
    expect(shown.some((p) => probe(p, 'livenessProbe').fields['initialDelaySeconds'] !== undefined)).toBe(true);
    for (const p of shown) {
      const s = settings(p, 'livenessProbe');
      expect(p.seconds).toBe(s.failureThreshold * s.periodSeconds);
    }
  });

  it.each(difficulties)('uses an initialDelaySeconds of 0 or at least one period, where docs and kubelet agree (%s)', (d) => {
    for (const p of all[d].filter((x) => x.code.language === 'yaml')) {
      for (const c of readPod(p.code.text).containers) {
        for (const [kind, pr] of Object.entries(c.probes)) {
          const s = withProbeDefaults(pr.fields);
          if (s.initialDelaySeconds > 0) expect(s.initialDelaySeconds, `${kind}\n${p.code.text}`).toBeGreaterThanOrEqual(s.periodSeconds);
          if (c.probes['startupProbe'] && kind !== 'startupProbe') expect(pr.fields['initialDelaySeconds'], p.code.text).toBeUndefined();
        }
      }
    }
  });

  it('adds the last timeout when a hanging app fails every check by timing out', () => {
    for (const p of all.hard.filter((x) => x.template === 'probe-timing/hang-timeout')) {
      const s = settings(p, 'livenessProbe');
      expect(s.timeoutSeconds).toBeLessThan(s.periodSeconds);
      expect(p.seconds).toBe(s.failureThreshold * s.periodSeconds + s.timeoutSeconds);
    }
  });

  it('counts the liveness failures from the moment the startup probe passed', () => {
    const p = firstOf('hard', 'probe-timing/liveness-after-startup');
    const passedAt = Number(p.prompt.match(/passes (\d+) s/)![1]);
    const l = settings(p, 'livenessProbe');
    expect(p.seconds).toBe(passedAt + l.failureThreshold * l.periodSeconds);
  });

  it('does not add liveness time while the startup probe never passes, and says why', () => {
    const p = firstOf('hard', 'probe-timing/startup-gates-give-up');
    const s = settings(p, 'startupProbe');
    const l = settings(p, 'livenessProbe');
    expect(p.seconds).toBe(s.initialDelaySeconds + s.failureThreshold * s.periodSeconds);
    expect(probeTiming.grade(p, p.seconds + l.failureThreshold * l.periodSeconds).explanation).toMatch(/never start while the startup probe is failing/);
  });

  it('takes the probe’s own grace period over the pod’s after a liveness kill', () => {
    const p = firstOf('easy', 'probe-timing/probe-grace');
    expect(p.seconds).toBe(probe(p, 'livenessProbe').fields['terminationGracePeriodSeconds']);
    const pod = Number(readPod(p.code.text).spec['terminationGracePeriodSeconds']);
    expect(probeTiming.grade(p, pod).explanation).toMatch(/overrides the pod’s/);
  });
});

describe('probeTiming: backoff', () => {
  it.each([[0, 0], [3, 40], [7, 300]])('reads RESTARTS %i in kubectl output and asks the next wait (%i s)', (restarts, seconds) => {
    const p = firstOf('medium', 'probe-timing/backoff-from-restarts', (x) => Number(x.code.text.match(/Error\s+(\d+)/)![1]) === restarts);
    expect(p.code.language).toBe('shell');
    expect(p.seconds).toBe(seconds);
  });

  it('never says CrashLoopBackOff about a restart that does not wait', () => {
    for (const p of [...all.easy, ...all.medium].filter((x) => /backoff-(nth|from-restarts)/.test(x.template))) {
      const text = probeTiming.grade(p, p.seconds).explanation;
      if (p.seconds === 0) expect(text).not.toMatch(/CrashLoopBackOff/);
      else expect(text).toMatch(/CrashLoopBackOff meanwhile/);
    }
  });

  it('restarts at once after a run of 10 minutes or more, and keeps doubling after a short one', () => {
    for (const p of all.hard.filter((x) => x.template === 'probe-timing/backoff-reset')) {
      const minutes = Number(p.prompt.match(/for (\d+) minutes/)![1]);
      const restarts = Number(p.prompt.match(/after restart (\d+)/)![1]);
      expect(p.seconds).toBe(minutes >= 10 ? 0 : backoffDelaySeconds(restarts + 1));
      expect(resetReading(backoffDelaySeconds(restarts), minutes * 60), 'a run where the docs and the kubelet disagree').not.toBe('depends');
    }
  });

  it('counts each wait from the exit, so the run times add up', () => {
    const p = firstOf('hard', 'probe-timing/nth-start', (x) => x.prompt.includes('restart number 4'));
    const run = Number(p.code.text.match(/sleep (\d+)/)![1]);
    expect(p.seconds).toBe(4 * run + 0 + 10 + 20 + 40);
  });
});

describe('probeTiming: grading and the reveal', () => {
  it('gives half credit for a near answer to a probe bound and none for a backoff wait', () => {
    const near = firstOf('easy', 'probe-timing/startup-give-up', (p) => p.seconds >= 40);
    expect(probeTiming.grade(near, near.seconds + 2)).toMatchObject({ score: 0.5, correct: false });
    expect(probeTiming.grade(near, near.seconds * 2).score).toBe(0);
    const backoff = firstOf('medium', 'probe-timing/backoff-from-restarts', (p) => p.seconds >= 40);
    expect(probeTiming.grade(backoff, backoff.seconds + 2).score).toBe(0);
  });

  it.each(difficulties)('never scores an answer closer to the key below one further away, on every template (%s)', (d) => {
    const templates = new Set<string>();
    for (const p of all[d].slice(0, 300)) {
      templates.add(p.template);
      const tol = Math.max(1, p.seconds * 0.1);
      const step = Math.max(0.5, tol / 8);
      const xs = [...Array.from({ length: 41 }, (_, i) => p.seconds + (i - 20) * step), p.seconds - tol, p.seconds + tol,
        p.seconds - tol - 0.5, p.seconds + tol + 0.5, ...p.misses.map((m) => m.value)].filter((x) => x >= 0);
      const scored = xs.map((x) => ({ x, gap: Math.abs(x - p.seconds), score: probeTiming.grade(p, x).score })).sort((a, b) => a.gap - b.gap);
      // Walking outwards from the key, no answer may score more than any answer strictly closer.
      let floor = Infinity;
      let floorAt = '';
      for (let i = 0; i < scored.length; i++) {
        const a = scored[i]!;
        expect(a.score, `${p.template} key ${p.seconds}: ${a.x} scores ${a.score}, closer ${floorAt} less`).toBeLessThanOrEqual(floor);
        const next = scored[i + 1];
        if (!next || next.gap > a.gap) {
          for (const c of scored.filter((c) => c.gap === a.gap)) if (c.score < floor) { floor = c.score; floorAt = String(c.x); }
        }
      }
    }
    expect(templates.size).toBeGreaterThanOrEqual(8);
  });

  it('states the near-miss rule in every probe-bound explanation, as docs/protocol.md promises, and never on exact waits', () => {
    for (const d of difficulties) {
      for (const p of all[d].slice(0, 200)) {
        const tolerance = Math.max(1, p.seconds * 0.1);
        const said = probeTiming.grade(p, p.seconds).explanation.includes('earns half credit');
        expect(said, `${p.template}: ${p.prompt}`).toBe(p.approximate);
        const share = p.seconds >= 10 ? ' (10 %)' : '';
        if (p.approximate) expect(probeTiming.grade(p, p.seconds).explanation).toContain(`An answer within ${Math.round(tolerance * 10) / 10} s${share} earns half credit.`);
      }
    }
  });

  it('says "hangs" only where each check waits out its timeout; every other probe bound has checks that fail at once', () => {
    for (const d of difficulties) {
      for (const p of all[d].filter((x) => x.approximate)) {
        if (p.template === 'probe-timing/hang-timeout') expect(p.prompt).toMatch(/hangs/);
        else expect(p.prompt, p.template).not.toMatch(/\bhang|\bhung/);
      }
    }
  });

  it.each(difficulties)('keeps every reveal under about 60 words, for the right answer and each typical miss (%s)', (d) => {
    for (const p of all[d].slice(0, 300)) {
      for (const x of [p.seconds, p.seconds + 1, ...p.misses.map((m) => m.value)]) {
        const g = probeTiming.grade(p, x);
        expect(words(g.explanation), g.explanation).toBeLessThanOrEqual(62);
        expect(g.lines.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it.each(difficulties)('draws a timeline whose asked-for moment is the answer, inside the axis (%s)', (d) => {
    for (const p of all[d].slice(0, 300)) {
      const pic = probeTiming.picture!(p);
      expect(pic.type).toBe('timeline');
      if (pic.type !== 'timeline') continue;
      const at = pic.answerAt!;
      expect(at).toBeGreaterThanOrEqual(p.seconds);
      expect(pic.end).toBeGreaterThanOrEqual(at);
      for (const t of pic.tracks) for (const m of t.marks) expect(m.at).toBeLessThanOrEqual(pic.end);
      const marks = pic.tracks.flatMap((t) => t.marks);
      expect(marks.some((m) => m.at === at), `${p.template}: nothing drawn at ${at}`).toBe(true);
      // The asked-for span ends at the answer mark: it starts at 0 or at a mark drawn seconds before it.
      expect(at === p.seconds || marks.some((m) => m.at === at - p.seconds), `${p.template}: ${JSON.stringify(pic)}`).toBe(true);
    }
  });

  it.each(difficulties)('varies its answers by construction: no number in more than a fifth of the puzzles (%s)', (d) => {
    const counts = new Map<number, number>();
    for (const p of all[d]) counts.set(p.seconds, (counts.get(p.seconds) ?? 0) + 1);
    expect(Math.max(...counts.values()) / all[d].length).toBeLessThan(0.2);
  });

  it('reads like a golden example', () => {
    const p = probeTiming.generate('golden', 'easy');
    expect(probeTiming.publicView(p)).toMatchInlineSnapshot(`
      {
        "code": {
          "language": "yaml",
          "text": "containers:
      - name: redis
        image: redis:7.2
        readinessProbe:
          tcpSocket: {port: 6379}
          periodSeconds: 15
          successThreshold: 2",
        },
        "format": "number",
        "kind": "probe-timing",
        "prompt": "Redis went not ready during an outage. The outage is over, and from now on every readiness check passes. At most about how many seconds until the container is ready again?",
        "unit": "seconds",
      }
    `);
    expect(probeTiming.grade(p, p.seconds).explanation).toMatchInlineSnapshot(`"It needs successThreshold passes in a row, the first within a period: at most 2 × 15 = 30 s. Nothing restarts; the pod rejoins the endpoints. An answer within 3 s (10 %) earns half credit."`);
  });
});
