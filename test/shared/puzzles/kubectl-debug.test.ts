import { describe, expect, it } from 'vitest';
import { kubectlDebug, type KubectlDebugPuzzle } from '../../../shared/puzzles/kubectl-debug.ts';
import { commandAnswers } from '../../../shared/model/debugging.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(kubectlDebug);

const seeds = Array.from({ length: 500 }, (_, i) => `kd-${i}`);

function firstWith(d: Difficulty, test: (p: KubectlDebugPuzzle) => boolean): KubectlDebugPuzzle {
  for (const seed of seeds) {
    const p = kubectlDebug.generate(seed, d);
    if (test(p)) return p;
  }
  throw new Error('no such puzzle');
}

describe('kubectlDebug', () => {
  it('offers the commands people reach for on a deleted pod (describe, logs --previous, get -o yaml) as the traps', () => {
    const p = Array.from({ length: 300 }, (_, i) => kubectlDebug.generate(`del-${i}`, 'hard')).find((x) => x.needKind === 'deleted-pod-events')!;
    const wrong = p.options.map((o) => o.label).filter((l) => l !== p.correct);
    expect(wrong.every((l) => /^kubectl (describe pod|logs \S+ --previous|get pod \S+ -o yaml)/.test(l))).toBe(true);
    expect(kubectlDebug.grade(p, p.options.find((o) => o.label.startsWith('kubectl describe'))!.id).explanation).toMatch(/NotFound/);
  });

  it('offers exactly one option that answers the need, by the model', () => {
    for (const d of difficulties) {
      for (const seed of seeds.slice(0, 200)) {
        const p = kubectlDebug.generate(seed, d);
        expect(p.commands.filter((c) => commandAnswers(p.pod, c.command, p.need)).map((c) => c.label)).toEqual([p.correct]);
        expect(new Set(p.options.map((o) => o.label)).size).toBe(4);
      }
    }
  });

  it('uses the pod’s real name and container names in every option', () => {
    const p = firstWith('medium', (x) => x.pod.containers.length > 1);
    for (const o of p.options) expect(o.label).toContain(p.pod.name);
    expect(kubectlDebug.publicView(p).code?.text).toContain(`name: ${p.pod.containers[1]}`);
  });

  it('explains that logs without -c reads the first container when the need is a sidecar’s logs', () => {
    const p = firstWith('medium', (x) => x.needKind === 'logs' && x.options.some((o) => o.label === `kubectl logs ${x.pod.name}`));
    const bare = p.options.find((o) => o.label === `kubectl logs ${p.pod.name}`)!;
    expect(kubectlDebug.grade(p, bare.id).explanation).toMatch(/Without -c, kubectl logs uses the first container in the spec/);
  });

  it('teaches kubectl debug --target for a distroless container, with exec as a near miss', () => {
    const p = firstWith('hard', (x) => x.needKind === 'shell');
    expect(p.correct).toMatch(/^kubectl debug -it .* --image=busybox:1\.36 --target=/);
    const exec = p.options.find((o) => o.label.startsWith('kubectl exec'));
    if (exec) expect(kubectlDebug.grade(p, exec.id).score).toBe(0);
  });

  it('uses near misses (same verb) at hard and mostly other verbs at easy', () => {
    const sameVerb = (d: Difficulty): number => {
      let n = 0;
      for (const seed of seeds.slice(0, 200)) {
        const p = kubectlDebug.generate(seed, d);
        const verb = p.commands[0]!.command.verb;
        n += p.commands.slice(1).filter((c) => c.command.verb === verb).length;
      }
      return n / 200;
    };
    expect(sameVerb('easy')).toBeLessThan(0.5);
    expect(sameVerb('hard')).toBeGreaterThan(1.5);
  });

  it('reads like a golden example', () => {
    const p = kubectlDebug.generate('golden', 'medium');
    expect(kubectlDebug.publicView(p)).toMatchInlineSnapshot(`
      {
        "code": {
          "language": "yaml",
          "text": "apiVersion: v1
      kind: Pod
      metadata:
        name: ledger-7zz4cqkgl-rlx28
      spec:
        containers:
        - name: ledger
          image: ghcr.io/acme/ledger:5.0.2   # FROM gcr.io/distroless/java21-debian12
          ports:
          - containerPort: 8080
        - name: oauth2-proxy
          image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0
        - name: envoy
          image: envoyproxy/envoy:v1.31.0",
        },
        "format": "single",
        "kind": "kubectl-debug",
        "options": [
          {
            "id": "a",
            "label": "kubectl logs -f ledger-7zz4cqkgl-rlx28 -c envoy",
          },
          {
            "id": "b",
            "label": "kubectl port-forward pod/ledger-7zz4cqkgl-rlx28 8080:8080",
          },
          {
            "id": "c",
            "label": "kubectl logs -f ledger-7zz4cqkgl-rlx28 -c oauth2-proxy",
          },
          {
            "id": "d",
            "label": "kubectl port-forward pod/ledger-7zz4cqkgl-rlx28 4180:4180",
          },
        ],
        "prompt": "The ledger container of pod ledger-7zz4cqkgl-rlx28 serves its admin page on port 8080. You want to open it in your laptop's browser at localhost:8080. Which command do you run?",
      }
    `);
    const wrong = p.options.find((o) => o.label !== p.correct)!;
    expect(kubectlDebug.grade(p, wrong.id).explanation).toMatchInlineSnapshot(`"\`kubectl logs -f ledger-7zz4cqkgl-rlx28 -c envoy\` does not answer it. Logs show only what a container wrote to stdout and stderr. \`kubectl port-forward pod/ledger-7zz4cqkgl-rlx28 8080:8080\` answers it. Port-forward listens on localhost:8080 and tunnels to port 8080 of the pod, where ledger listens."`);
  });
});
