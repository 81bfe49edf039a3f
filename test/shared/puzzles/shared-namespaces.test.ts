import { describe, expect, it } from 'vitest';
import { canShare } from '../../../shared/model/sharing.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { sharedNamespaces } from '../../../shared/puzzles/shared-namespaces.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(sharedNamespaces);

const seeds = Array.from({ length: 300 }, (_, i) => `n${i}`);
const puzzles = (d: Difficulty) => seeds.map((s) => sharedNamespaces.generate(s, d));
const truth = (p: ReturnType<typeof sharedNamespaces.generate>) => p.statements.map((s) => canShare(p.pod, s.from, s.to, s.ability).yes);

describe('sharedNamespaces', () => {
  it('mixes true and false statements in every puzzle', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (const p of puzzles(d)) expect(new Set(truth(p))).toEqual(new Set([true, false]));
    }
  });

  it('asks more statements as difficulty rises, and about shareProcessNamespace pods only on hard', () => {
    expect(puzzles('easy').every((p) => p.statements.length === 4 && !p.pod.shareProcessNamespace)).toBe(true);
    expect(puzzles('medium').every((p) => p.statements.length === 5)).toBe(true);
    expect(puzzles('hard').some((p) => p.pod.shareProcessNamespace)).toBe(true);
  });

  it('solves with exactly the statements canShare says are true', () => {
    for (const p of puzzles('hard')) {
      const ticked = sharedNamespaces.solve(p);
      const labels = p.options.filter((o) => ticked.includes(o.id)).map((o) => o.label);
      expect(labels.sort()).toEqual(p.statements.filter((_, i) => truth(p)[i]).map((s) => s.label).sort());
    }
  });

  it('gives partial credit: the share of true statements ticked less the share of false ones ticked', () => {
    const p = puzzles('medium')[0]!;
    const right = sharedNamespaces.solve(p);
    const falseCount = p.options.length - right.length;
    const oneFlipped = right.length > 1 ? right.slice(1) : [...right, p.options.find((o) => !right.includes(o.id))!.id];
    const grade = sharedNamespaces.grade(p, oneFlipped);
    expect(grade.score).toBeCloseTo(right.length > 1 ? (right.length - 1) / right.length : 1 - 1 / falseCount);
    expect(grade.correct).toBe(false);
    expect(grade.explanation).toMatch(/^4 of 5 statements judged right\./);
  });

  it('asks whether the log shipper reads the app\'s logs, true exactly when both mount the logs volume', () => {
    const reads = puzzles('medium').flatMap((p) => p.statements.filter((s) => s.ability.kind === 'read-file').map((s) => ({ p, s })));
    expect(new Set(reads.map(({ p, s }) => canShare(p.pod, s.from, s.to, s.ability).yes))).toEqual(new Set([true, false]));
    for (const { p, s } of reads) {
      const shipper = p.pod.containers.find((c) => c.name === s.from)!;
      expect(canShare(p.pod, s.from, s.to, s.ability).yes).toBe(shipper.mounts.some((m) => m.volume === 'logs'));
    }
  });

  it('shows the pod as YAML with shareProcessNamespace only when it is set', () => {
    for (const p of puzzles('hard')) {
      expect(sharedNamespaces.publicView(p).code?.text.includes('shareProcessNamespace: true')).toBe(p.pod.shareProcessNamespace);
    }
  });

  it('renders a golden puzzle', () => {
    const p = sharedNamespaces.generate('golden', 'hard');
    const view = sharedNamespaces.publicView(p);
    expect({ options: view.options?.map((o) => o.label), solution: sharedNamespaces.solve(p) }).toMatchInlineSnapshot(`
      {
        "options": [
          "If api's liveness probe fails, the kubelet restarts statsd-exporter too",
          "config-reloader and api share one root filesystem",
          "api and config-reloader have the same pod IP address",
          "config-reloader could also listen on port 8080, which api uses",
          "config-reloader can browse api's filesystem under /proc/<pid>/root",
          "api and config-reloader can share System V shared memory segments",
        ],
        "solution": [
          "c",
          "e",
          "f",
        ],
      }
    `);
    expect(view.code?.text).toMatchInlineSnapshot(`
      "apiVersion: v1
      kind: Pod
      metadata:
        name: api-0
      spec:
        shareProcessNamespace: true
        containers:
        - name: api
          image: ghcr.io/acme/api:2.4.1
          ports:
          - containerPort: 8080
          volumeMounts:
          - name: logs
            mountPath: /var/log/api
          - name: config
            mountPath: /etc/api
            readOnly: true
        - name: statsd-exporter
          image: prom/statsd-exporter:v0.27.1
          ports:
          - containerPort: 9102
        - name: config-reloader
          image: ghcr.io/jimmidyson/configmap-reload:v0.13.1
          ports:
          - containerPort: 9533
          volumeMounts:
          - name: config
            mountPath: /config
            readOnly: true
        volumes:
        - name: logs
          emptyDir: {}
        - name: config
          configMap:
            name: api-config"
    `);
  });
});
