import { describe, expect, it } from 'vitest';
import { initOrder } from '../../../shared/puzzles/init-order.ts';
import { initPrecedence } from '../../../shared/model/init-sequence.ts';
import { difficulties } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(initOrder);

const seeds = Array.from({ length: 300 }, (_, i) => `s${i}`);

/** Every order of the items (the puzzles are small enough). */
function permutations(ids: string[]): string[][] {
  if (ids.length <= 1) return [ids];
  return ids.flatMap((id, i) => permutations([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => [id, ...rest]));
}

describe('initOrder', () => {
  it('scores every order that respects the dependencies 1, not one memorised key', () => {
    const p = initOrder.generate('multi', 'medium');
    const pairs = initPrecedence(p.tasks);
    const valid = permutations(p.tasks.map((t) => t.id)).filter((o) =>
      pairs.every(([a, b]) => o.indexOf(a) < o.indexOf(b)),
    );
    expect(valid.length).toBeGreaterThan(1);
    for (const order of valid) expect(initOrder.grade(p, order).score).toBe(1);
  });

  it('gives no credit for the order as shown, and names a dependency it breaks', () => {
    const p = initOrder.generate('partial', 'easy');
    const pairs = initPrecedence(p.tasks);
    const [a, b] = pairs.find(([x, y]) => p.shown.indexOf(x) > p.shown.indexOf(y))!;
    const grade = initOrder.grade(p, p.shown);
    expect(grade.score).toBe(0);
    expect(grade.explanation).toContain(`${b} would start before ${a}`);
  });

  it.each(difficulties)('always has at least one dependency at %s', (d) => {
    for (const s of seeds) expect(initPrecedence(initOrder.generate(s, d).tasks).length).toBeGreaterThan(0);
  });

  it('puts a native sidecar in every hard puzzle, and some init container depends on it', () => {
    for (const s of seeds) {
      const p = initOrder.generate(s, 'hard');
      const sidecars = p.tasks.filter((t) => t.sidecar).map((t) => t.id);
      expect(sidecars).toHaveLength(1);
      expect(initPrecedence(p.tasks).some(([a]) => a === sidecars[0])).toBe(true);
    }
  });

  it('keeps sidecars out of easy and medium puzzles and grows with difficulty', () => {
    const size = (d: (typeof difficulties)[number]) => seeds.map((s) => initOrder.generate(s, d).tasks.length);
    expect(Math.max(...size('easy'))).toBe(3);
    expect(Math.min(...size('hard'))).toBeGreaterThanOrEqual(5);
    for (const s of seeds) expect(initOrder.generate(s, 'medium').tasks.some((t) => t.sidecar)).toBe(false);
  });

  it('orders migrations after waiting for the database and fetching their config', () => {
    const p = seeds.map((s) => initOrder.generate(s, 'medium')).find((x) => x.tasks.some((t) => t.id === 'migrate'))!;
    const pairs = initPrecedence(p.tasks);
    expect(pairs).toContainEqual(['wait-for-db', 'migrate']);
    expect(pairs).toContainEqual(['fetch-config', 'migrate']);
  });

  it('explains a sidecar placed after the init container that needs it', () => {
    const p = seeds.map((s) => initOrder.generate(s, 'hard')).find((x) => x.tasks.some((t) => t.id === 'vault-agent'))!;
    const order = initOrder.solve(p).filter((id) => id !== 'vault-agent').concat('vault-agent');
    const grade = initOrder.grade(p, order);
    expect(grade.score).toBeLessThan(1);
    expect(grade.explanation).toMatch(/fetch-config would start before vault-agent.*sidecar provides it only to init containers listed after it/);
    expect(grade.docUrl).toContain('sidecar-containers');
  });

  it('shows each item with its name, image and what it does', () => {
    const view = initOrder.publicView(initOrder.generate('golden', 'easy'));
    for (const item of view.items) expect(item.label).toMatch(/^[a-z-]+ \([^)]+\): .{15,}/);
  });
});

describe('initOrder golden example', () => {
  it('renders a fixed seed the same way', () => {
    const p = initOrder.generate('golden', 'hard');
    expect({ view: initOrder.publicView(p), solution: initOrder.solve(p) }).toMatchInlineSnapshot(`
      {
        "solution": [
          "envoy",
          "fix-permissions",
          "fetch-config",
          "register-service",
          "download-model",
        ],
        "view": {
          "format": "order",
          "items": [
            {
              "id": "fix-permissions",
              "label": "fix-permissions (busybox:1.36): runs as root: \`chown -R 65532:65532 /var/lib/app\` so the app user can write there",
            },
            {
              "id": "envoy",
              "label": "envoy (envoyproxy/envoy:v1.29) [restartPolicy: Always]: the mesh proxy; the mesh policy lets no traffic out of the pod except through it",
            },
            {
              "id": "download-model",
              "label": "download-model (curlimages/curl:8.5.0): \`curl -fsSLo /var/lib/app/models/whisper-small.onnx https://models.internal/…\`",
            },
            {
              "id": "register-service",
              "label": "register-service (curlimages/curl:8.5.0): PUTs the service definition from /var/lib/app/app.env to http://consul:8500/v1/agent/service/register",
            },
            {
              "id": "fetch-config",
              "label": "fetch-config (curlimages/curl:8.5.0): downloads https://config.internal/search/app.env to /var/lib/app/app.env",
            },
          ],
          "kind": "init-order",
          "prompt": "Order the initContainers of pod \`search\` so each one finds what it needs when it starts. The one marked restartPolicy: Always is a native sidecar.",
        },
      }
    `);
  });
});
