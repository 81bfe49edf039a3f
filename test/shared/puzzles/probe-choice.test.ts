import { describe, expect, it } from 'vitest';
import { probeChoice, type ProbeChoicePuzzle } from '../../../shared/puzzles/probe-choice.ts';
import { choiceLabels } from '../../../shared/puzzles/probe-choice-answers.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { readPod } from './probe-yaml-reader.ts';
import { readers } from './probe-choice-readers.ts';

checkPuzzleKind(probeChoice);

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const puzzlesAt = (d: Difficulty, n = 400): ProbeChoicePuzzle[] => Array.from({ length: n }, (_, i) => probeChoice.generate(`pc-${d}-${i}`, d));
const firstOf = (d: Difficulty, template: string, answer?: string): ProbeChoicePuzzle => {
  const found = puzzlesAt(d, 800).find((p) => p.template === template && (answer === undefined || p.answer === answer));
  if (!found) throw new Error(`no ${template} ${answer ?? ''}`);
  return found;
};
const idOf = (p: ProbeChoicePuzzle, answer: string): string => Object.keys(p.optionAnswers).find((id) => p.optionAnswers[id] === answer)!;

describe('probeChoice: the pod decides', () => {
  it.each(difficulties)('a player who reads the prompt and the YAML and applies the rules gets every %s puzzle right', (d) => {
    let checked = 0;
    for (const p of puzzlesAt(d)) {
      const read = readers[p.template];
      if (!read) continue;
      expect(read(p.prompt, readPod(p.yaml ?? '')), `${p.template}\n${p.prompt}\n${p.yaml}`).toBe(p.answer);
      checked++;
    }
    expect(checked).toBeGreaterThan(d === 'easy' ? 150 : 250);
  });

  it.each(difficulties)('offers four fixed options per template and draws every one of its answers (%s)', (d) => {
    const seen = new Map<string, Set<string>>();
    for (const p of puzzlesAt(d)) {
      expect(p.options).toHaveLength(4);
      const answers = seen.get(p.template) ?? new Set<string>();
      answers.add(p.answer);
      seen.set(p.template, answers);
    }
    for (const [template, answers] of seen) expect(answers.size, template).toBeGreaterThanOrEqual(3);
  });
});

describe('probeChoice: explanations players can read', () => {
  it.each(difficulties)('keeps every reveal under about 60 words, whatever was picked (%s)', (d) => {
    for (const p of puzzlesAt(d, 200)) {
      for (const o of p.options) {
        const g = probeChoice.grade(p, o.id);
        expect(words(g.explanation), g.explanation).toBeLessThanOrEqual(62);
        expect(g.lines.length).toBeLessThanOrEqual(3);
        expect(g.docUrl).toMatch(/^https:\/\/kubernetes\.io\/docs\/.+#[a-z0-9-]+$/);
      }
    }
  });

  it.each(difficulties)('points explanation lines at the YAML lines they talk about (%s)', (d) => {
    for (const p of puzzlesAt(d, 200).filter((x) => x.yaml)) {
      const lines = p.yaml!.split('\n').length;
      const pointed = p.lines.flatMap((l) => l.evidence?.codeLines ?? []);
      expect(pointed.length, `${p.template}: ${p.lines.map((l) => l.text).join(' ')}`).toBeGreaterThan(0);
      for (const n of pointed) expect(n).toBeGreaterThanOrEqual(1), expect(n).toBeLessThanOrEqual(lines);
    }
  });

  it('keeps option labels short enough for a phone, and names no instance', () => {
    for (const label of Object.values(choiceLabels)) {
      expect(label.length, label).toBeLessThanOrEqual(60);
      expect(label).not.toMatch(/keycloak|orders-api|checkout|billing|grafana|envoy|linkerd/i);
    }
  });

  it('explains a restart storm when liveness runs the dependency check', () => {
    const p = firstOf('hard', 'probe-choice/dependency-outage', 'move-check-to-readiness');
    expect(p.yaml).toMatch(/livenessProbe:\n\s+httpGet: \{path: \/(readyz|ready|health\/ready)/);
    expect(probeChoice.grade(p, idOf(p, 'nothing-to-change')).explanation).toMatch(/restart storm/);
  });

  it('says a readinessProbe never restarts and a passed startupProbe no longer checks, when the pod has only those', () => {
    const p = firstOf('hard', 'probe-choice/hang-unnoticed', 'add-liveness');
    expect(p.yaml).not.toMatch(/livenessProbe/);
    // Hard needs two rules: the tcpSocket check a player might blame is the startupProbe's, which stopped at its pass.
    expect(p.yaml).toMatch(/startupProbe:\n\s+tcpSocket:/);
    const explanation = probeChoice.grade(p, probeChoice.solve(p)).explanation;
    expect(explanation).toMatch(/readiness never restarts/);
    expect(explanation).toMatch(/startupProbe stopped checking/);
  });

  it('lets the YAML decide how a check counts: every answered check is slower than the default timeout', () => {
    const ps = puzzlesAt('medium', 800).filter((p) => p.template === 'probe-choice/check-outcome-defaults' && !/deadlocked/.test(p.prompt));
    expect(ps.length).toBeGreaterThan(20);
    for (const p of ps) {
      const after = Number(/after ([\d.]+) s/.exec(p.prompt)![1]);
      expect(after, p.prompt).toBeGreaterThan(1);
      // In time only where the YAML raises timeoutSeconds above the answer time.
      const timeout = Number(/timeoutSeconds: (\d+)/.exec(p.yaml ?? '')?.[1] ?? 1);
      expect(p.answer === 'check-times-out', `${p.prompt}\n${p.yaml}`).toBe(timeout < after);
    }
  });

  it('tells a player who picks the wrong option why that option is wrong here', () => {
    const p = firstOf('easy', 'probe-choice/failing-endpoint', 'readiness-fails');
    const wrong = probeChoice.grade(p, idOf(p, 'liveness-fails'));
    expect(wrong.score).toBe(0);
    expect(wrong.lines[0]).toMatchObject({ text: 'No livenessProbe calls that path, and a failing readinessProbe restarts nothing.', evidence: { optionIds: [idOf(p, 'liveness-fails')] } });
  });
});

describe('probeChoice: realism', () => {
  it.each(difficulties)('never puts an initialDelaySeconds on a probe behind a startupProbe (%s)', (d) => {
    for (const p of puzzlesAt(d).filter((x) => x.yaml?.includes('startupProbe'))) {
      const pod = readPod(p.yaml!);
      for (const c of pod.containers) {
        if (!c.probes['startupProbe']) continue;
        for (const k of ['livenessProbe', 'readinessProbe']) expect(c.probes[k]?.fields['initialDelaySeconds'], p.yaml!).toBeUndefined();
      }
    }
  });

  it.each(difficulties)('checks Keycloak on its management port 9000, with health switched on (%s)', (d) => {
    for (const p of puzzlesAt(d).filter((x) => x.yaml?.includes('keycloak'))) {
      const block = p.yaml!.split(/(?=- name: )/).find((b) => b.startsWith('- name: keycloak'))!;
      expect(block).toMatch(/KC_HEALTH_ENABLED/);
      for (const m of block.matchAll(/path: (\S+), port: (\d+)/g)) expect(m[2], block).toBe('9000');
    }
  });

  it('reads like a golden example', () => {
    const p = probeChoice.generate('golden', 'medium');
    expect(probeChoice.publicView(p)).toMatchInlineSnapshot(`
      {
        "code": {
          "language": "yaml",
          "text": "spec:
        restartPolicy: Never
        containers:
        - name: profile
          image: ghcr.io/acme/profile:2.0.3
          readinessProbe:
            httpGet: {path: /ready, port: 8000}
            failureThreshold: 5",
        },
        "format": "single",
        "kind": "probe-choice",
        "options": [
          {
            "id": "a",
            "label": "The kubelet deletes the pod and creates a new one",
          },
          {
            "id": "b",
            "label": "The kubelet kills the container and leaves it stopped",
          },
          {
            "id": "c",
            "label": "The kubelet restarts the container",
          },
          {
            "id": "d",
            "label": "The pod leaves the Service endpoints; nothing restarts",
          },
        ],
        "prompt": "The check below has just failed failureThreshold times in a row. What happens to the profile container?",
      }
    `);
    expect(probeChoice.grade(p, probeChoice.solve(p)).explanation).toMatchInlineSnapshot(`"A readinessProbe never kills anything, whatever the restartPolicy: the pod leaves the endpoints and the container keeps running."`);
  });
});
