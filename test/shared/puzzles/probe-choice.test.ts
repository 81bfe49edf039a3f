import { describe, expect, it } from 'vitest';
import { probeChoice, type ProbeChoicePuzzle } from '../../../shared/puzzles/probe-choice.ts';
import { difficulties } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(probeChoice);

const seeds = Array.from({ length: 400 }, (_, i) => `pc-${i}`);

function firstWith(difficulty: 'easy' | 'medium' | 'hard', scenarioId: string): ProbeChoicePuzzle {
  for (const seed of seeds) {
    const p = probeChoice.generate(seed, difficulty);
    if (p.scenarioId === scenarioId) return p;
  }
  throw new Error(`no ${scenarioId} puzzle in ${seeds.length} seeds`);
}

const idOf = (p: ProbeChoicePuzzle, label: string): string => p.options.find((o) => o.label === label)!.id;

describe('probeChoice', () => {
  it('answers a downstream outage with readiness and explains the restart storm liveness would cause', () => {
    const p = firstWith('hard', 'downstream-outage');
    expect(p.probe).toBe('readinessProbe');
    const wrong = probeChoice.grade(p, idOf(p, 'livenessProbe'));
    expect(wrong.score).toBe(0);
    expect(wrong.explanation).toMatch(/restart storm/);
    expect(wrong.explanation).toMatch(/not restart|nothing is restarted/);
  });

  it('answers a slow boot with startup, and says readiness would not stop liveness from killing it', () => {
    const p = firstWith('hard', 'startup-with-readiness');
    expect(p.probe).toBe('startupProbe');
    expect(probeChoice.grade(p, idOf(p, 'readinessProbe')).explanation).toMatch(/never gates the livenessProbe/);
  });

  it('answers a deadlock with liveness and says readiness would never restart it', () => {
    const p = firstWith('medium', 'deadlock');
    expect(p.probe).toBe('livenessProbe');
    expect(probeChoice.grade(p, idOf(p, 'readinessProbe')).explanation).toMatch(/never restarts it/);
  });

  it('does not claim a startup probe is gone during a warm-up that happens right after start', () => {
    const p = firstWith('medium', 'cache-warmup');
    expect(p.probe).toBe('readinessProbe');
    expect(probeChoice.grade(p, idOf(p, 'startupProbe')).explanation).toMatch(/stops after its first success/);
  });

  it('shows the faulty spec as YAML on hard trap scenarios', () => {
    const view = probeChoice.publicView(firstWith('hard', 'legacy-boot'));
    expect(view.code?.language).toBe('yaml');
    expect(view.code?.text).toMatch(/initialDelaySeconds: \d+/);
  });

  it('asks each probe as the answer at every difficulty', () => {
    for (const d of difficulties) {
      const answers = new Set(seeds.slice(0, 200).map((s) => probeChoice.generate(s, d).probe));
      expect(answers.size, d).toBe(3);
    }
  });

  it('reads like a golden example', () => {
    const p = probeChoice.generate('golden', 'medium');
    expect(probeChoice.publicView(p)).toMatchInlineSnapshot(`
      {
        "format": "single",
        "kind": "probe-choice",
        "options": [
          {
            "id": "a",
            "label": "readinessProbe",
          },
          {
            "id": "b",
            "label": "livenessProbe",
          },
          {
            "id": "c",
            "label": "startupProbe",
          },
        ],
        "prompt": "A memory leak in notifications (node:22-slim) wedges its event loop after about 9 hours: the process never exits, it just stops answering. Only a restart clears it. Which probe should you configure?",
      }
    `);
    expect(probeChoice.grade(p, probeChoice.solve(p)).explanation).toMatchInlineSnapshot(`"The livenessProbe fits: after failureThreshold failures the kubelet kills that container and restarts it per the restart policy (the container, not the pod)."`);
  });
});
