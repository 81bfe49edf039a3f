import { describe, expect, it } from 'vitest';
import { initOrder, type InitOrderPuzzle } from '../../../shared/puzzles/init-order.ts';
import { stories } from '../../../shared/puzzles/init-order-stories.ts';
import { handoffPrecedence, unmetFiles, writableAt } from '../../../shared/model/init-handoffs.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { isCatalogueImage } from '../../../shared/model/software.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(initOrder);

const seeds = Array.from({ length: 300 }, (_, i) => `s${i}`);
const puzzles = (d: Difficulty): InitOrderPuzzle[] => seeds.map((s) => initOrder.generate(s, d));
const find = (d: Difficulty, story: string): InitOrderPuzzle => puzzles(d).find((p) => p.story === story)!;

/** Every order of the items (the puzzles are small enough). */
function permutations(ids: string[]): string[][] {
  if (ids.length <= 1) return [ids];
  return ids.flatMap((id, i) => permutations([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => [id, ...rest]));
}

describe('initOrder', () => {
  it('scores every order that keeps the dependencies 1, not one memorised key', () => {
    const p = find('medium', 'permissions');
    const pairs = handoffPrecedence(p.cards);
    const valid = permutations(p.cards.map((c) => c.id)).filter((o) => pairs.every(([a, b]) => o.indexOf(a) < o.indexOf(b)));
    expect(valid.length).toBeGreaterThan(1);
    for (const order of valid) expect(initOrder.grade(p, order).score).toBe(1);
  });

  it('gives no credit for the order as shown, and marks each dependency it breaks', () => {
    const p = find('easy', 'db-migrate');
    const grade = initOrder.grade(p, p.shown);
    expect(grade.score).toBe(0);
    const broken = grade.lines.filter((l) => l.text.startsWith('✗'));
    expect(broken.length).toBeGreaterThan(0);
    for (const line of broken) expect(line.evidence?.itemIds?.length).toBeGreaterThanOrEqual(2);
  });

  it('needs at least two dependencies at every level, and never asks for a file nobody writes', () => {
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        expect(handoffPrecedence(p.cards).length).toBeGreaterThanOrEqual(2);
        expect(unmetFiles(p.cards)).toEqual([]);
        for (const card of p.cards) for (const w of card.writes) expect(writableAt(card.mounts, w), `${card.name} ${w}`).toBe(true);
      }
    }
  });

  it('hands files over only through a volume both containers mount', () => {
    const p = find('medium', 'config-chain');
    const fetch = p.cards.find((c) => c.name === 'fetch-config')!;
    const render = p.cards.find((c) => c.name === 'render-config')!;
    expect(fetch.mounts[0]!.path).not.toBe(render.mounts[0]!.path);
    expect(fetch.mounts[0]!.volume).toBe(render.mounts[0]!.volume);
    expect(handoffPrecedence(p.cards)).toContainEqual([fetch.id, render.id]);
    const elsewhere = { ...render, mounts: [{ volume: 'other', path: render.mounts[0]!.path }] };
    expect(handoffPrecedence(p.cards.map((c) => (c.id === render.id ? elsewhere : c)))).not.toContainEqual([fetch.id, render.id]);
  });

  it('keeps sidecars to hard puzzles, where some init container always depends on one', () => {
    for (const d of ['easy', 'medium'] as const) for (const p of puzzles(d)) expect(p.cards.some((c) => c.sidecar)).toBe(false);
    for (const p of puzzles('hard')) {
      const sidecars = p.cards.filter((c) => c.sidecar).map((c) => c.id);
      expect(handoffPrecedence(p.cards).some(([a]) => sidecars.includes(a))).toBe(true);
      expect(initOrder.meta(p).rules).toContain('sidecars/start-gate');
    }
  });

  it('puts no single card in most puzzles, and takes every image from the catalogue', () => {
    for (const d of difficulties) {
      const all = puzzles(d);
      const counts = new Map<string, number>();
      for (const p of all) for (const c of p.cards) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
      expect(Math.max(...counts.values()) / all.length, d).toBeLessThan(0.5);
      for (const p of all) for (const c of p.cards) expect(isCatalogueImage(c.image), c.image).toBe(true);
    }
  });

  it('explains a sidecar listed after the init container that needs it', () => {
    const p = find('hard', 'sql-proxy');
    const order = initOrder.solve(p).filter((id) => id !== 'cloud-sql-proxy').concat('cloud-sql-proxy');
    const grade = initOrder.grade(p, order);
    expect(grade.score).toBeLessThan(1);
    expect(grade.explanation).toMatch(/✗ `cloud-sql-proxy` must come before .*127\.0\.0\.1:5432, where `cloud-sql-proxy` listens once its startupProbe has passed/);
    expect(grade.docUrl).toContain('sidecar-containers');
  });

  it('lists the log shipper after the mesh proxy, so it stops first and its last flush still gets out', () => {
    const p = find('hard', 'shipper-and-mesh');
    const proxy = p.cards.find((c) => c.provides.includes('mesh'))!.id;
    const solved = initOrder.solve(p);
    expect(solved.indexOf(proxy)).toBeLessThan(solved.indexOf('fluent-bit'));
    const shipperFirst = ['fluent-bit', ...solved.filter((id) => id !== 'fluent-bit')];
    const grade = initOrder.grade(p, shipperFirst);
    expect(grade.score).toBeLessThan(1);
    expect(grade.explanation).toMatch(/✗ `(istio|linkerd)-proxy` must come before `fluent-bit`: .*reverse order/);
    expect(initOrder.meta(p).rules).toContain('sidecars/termination-order');
  });

  it('declares every volume a card or the app mounts, ConfigMaps and Secrets as such', () => {
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        const yaml = initOrder.publicView(p).code!.text;
        const mounted = new Set([...p.appMounts, ...p.cards.flatMap((c) => c.mounts)].map((m) => m.volume));
        expect(new Set(p.volumes.map((v) => v.name))).toEqual(mounted);
        for (const v of p.volumes) expect(yaml).toContain(`- { name: ${v.name}, `);
        for (const name of ['migrations', 'seed-sql', 'templates', 'vault-agent', 'index-template']) {
          if (mounted.has(name)) expect(yaml).toMatch(new RegExp(`name: ${name}, configMap:`));
        }
      }
    }
  });

  /** Scratch and distroless images whose one binary lies at the root, off PATH. */
  const IMAGE_BINARIES: Record<string, string> = {
    'hairyhenderson/gomplate:v3.11.8': '/gomplate', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0': '/cloud-sql-proxy',
  };

  it('calls a binary that is off PATH by its path: gomplate on its scratch image, cloud-sql-proxy on distroless', () => {
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        for (const card of p.cards) {
          const binary = IMAGE_BINARIES[card.image];
          if (!binary) continue;
          const first = /`([^`\s]+)/.exec(card.does)?.[1];
          expect(first, `${p.story} ${card.name}`).toBe(binary);
        }
      }
    }
  });

  it('runs only commands that would work: every file path a command names lies under one of its mounts', () => {
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        for (const card of p.cards) {
          const commands = [...card.does.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
          for (const command of commands) {
            for (const m of command.matchAll(/(?:^|[\s@=(<])(\/[A-Za-z0-9._*/-]+)/g)) {
              const path = m[1]!;
              // The program itself, named by its path in an image with nothing on PATH (docs/rules/init.md#real-commands).
              if (m.index === 0 && IMAGE_BINARIES[card.image] === path) continue;
              expect(card.mounts.some((mt) => path === mt.path || path.startsWith(`${mt.path}/`)), `${p.story} ${card.name}: ${path}`).toBe(true);
            }
          }
        }
      }
    }
  });

  it('waits the way the premise needs: no bare TCP connect, no BusyBox gzip -r, JSON sent as JSON', () => {
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        for (const card of p.cards) {
          expect(card.does, card.name).not.toMatch(/nc -z|gzip -r|curl[^`]* -d /);
          if (/--data-binary @.*\.json/.test(card.does)) expect(card.does).toContain("-H 'Content-Type: application/json'");
          if (card.name === 'wait-for-redis') expect(card.does).toMatch(/redis-cli -h \S+ ping \| grep -q PONG/);
          if (card.name === 'wait-for-db') expect(card.does).toMatch(/pg_isready|mysqladmin ping/);
        }
      }
    }
  });

  it('gives every mesh proxy and cloud-sql-proxy the startupProbe their docs prescribe for a native sidecar', () => {
    for (const p of puzzles('hard')) {
      for (const card of p.cards.filter((c) => c.sidecar && c.name !== 'fluent-bit')) expect(card.does, card.name).toMatch(/startupProbe/);
    }
  });

  it('shows each item with its name, image, what it does and where it mounts volumes', () => {
    const view = initOrder.publicView(find('medium', 'site-archive'));
    for (const item of view.items) expect(item.label).toMatch(/^[a-z-]+ \([^)]+\)( \[restartPolicy: Always\])?: .{15,}/);
    expect(view.items.some((i) => / · mounts site at \//.test(i.label))).toBe(true);
    expect(view.code!.text).toContain('mountPath: /usr/share/nginx/html');
  });

  it('draws the start sequence: init containers one at a time, then the app', () => {
    const p = find('hard', 'two-sidecars');
    const picture = initOrder.picture(p);
    expect(picture.type).toBe('sequence');
    if (picture.type !== 'sequence') return;
    expect(picture.lanes[0]!.steps.map((s) => s.id)).toEqual(initOrder.solve(p));
    expect(picture.lanes[0]!.steps.find((s) => s.id === 'cloud-sql-proxy')!.note).toMatch(/keeps running/);
    expect(picture.lanes[1]!.steps[0]!.label).toBe(p.appContainer);
  });

  it('tells every story at its levels: eight for easy and medium, eight others for hard', () => {
    expect(stories.filter((s) => !s.hard)).toHaveLength(8);
    expect(stories.filter((s) => s.hard)).toHaveLength(8);
    for (const d of difficulties) expect(new Set(puzzles(d).map((p) => p.story)).size).toBe(8);
  });
});

describe('initOrder golden example', () => {
  it('renders a fixed seed the same way', () => {
    const p = initOrder.generate('golden', 'hard');
    const view = initOrder.publicView(p);
    expect({ prompt: view.prompt, code: view.code?.text, items: view.items.map((i) => i.label), solution: initOrder.solve(p) }).toMatchInlineSnapshot(`
      {
        "code": "containers:
      - name: queue-worker
        image: ghcr.io/acme/queue-worker:2.12.0
      volumes:
      - { name: seed-sql, configMap: { name: queue-worker-seed-sql } }
      - { name: secrets, emptyDir: {} }
      - { name: vault-agent, configMap: { name: queue-worker-vault-agent } }",
        "items": [
          "vault-agent-init (hashicorp/vault:1.17.2): \`vault agent -config=/etc/vault/agent.hcl -exit-after-auth\`: writes the postgres password to /out/db-password · mounts secrets at /out, vault-agent at /etc/vault (read-only)",
          "seed-data (postgres:16): \`PGPASSWORD=$(cat /vault/secrets/db-password) psql -h 127.0.0.1 -U app -d queue-worker -f /seed/reference.sql\` · mounts seed-sql at /seed (read-only), secrets at /vault/secrets (read-only)",
          "linkerd-proxy (cr.l5d.io/linkerd/proxy:edge-25.4.4) [restartPolicy: Always]: the mesh proxy: the pod's outbound traffic is redirected to it on port 4140; startupProbe GET /ready on port 4191",
          "cloud-sql-proxy (gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0) [restartPolicy: Always]: \`/cloud-sql-proxy --port 5432 --health-check --http-address 0.0.0.0 acme-prod:europe-west1:queue-worker\`: listens on 127.0.0.1:5432; startupProbe GET /startup on port 9090",
        ],
        "prompt": "Order the initContainers of this \`queue-worker\` pod so each finds what it needs when it starts. Those marked restartPolicy: Always are native sidecars. The mesh redirects all of the pod's traffic, init containers' included, through linkerd-proxy: nothing gets out before it runs. The Cloud SQL instance is up and accepts connections only through cloud-sql-proxy. Its tables exist already.",
        "solution": [
          "linkerd-proxy",
          "cloud-sql-proxy",
          "vault-agent-init",
          "seed-data",
        ],
      }
    `);
  });
});

describe('initOrder: review M1 properties', () => {
  it('no single hard story exceeds a quarter of the draws', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 800; i++) { const p = initOrder.generate(`io-share-${i}`, 'hard'); counts.set(p.story, (counts.get(p.story) ?? 0) + 1); }
    for (const [story, n] of counts) expect(n / 800, story).toBeLessThanOrEqual(0.25);
    expect(counts.size).toBeGreaterThanOrEqual(8);
  });

  it.each(['easy', 'medium', 'hard'] as const)('every card is explained: by a dependency or as free (%s)', (d) => {
    for (let i = 0; i < 300; i++) {
      const p = initOrder.generate(`io-free-${d}-${i}`, d);
      const text = initOrder.grade(p, initOrder.solve(p)).explanation;
      for (const card of p.cards) expect(text, `${p.story}: ${card.name}`).toContain(card.name);
    }
  });

  // A wait card with nothing after it that uses the service is a card a student rightly asks "why is this here?" about.
  it.each(['easy', 'medium', 'hard'] as const)('every wait-for-X card has a card that depends on it (%s)', (d) => {
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const p = initOrder.generate(`io-wait-${d}-${i}`, d);
      seen.add(p.story);
      const before = new Set(handoffPrecedence(p.cards).map(([a]) => a));
      for (const card of p.cards.filter((c) => c.name.startsWith('wait-for-'))) expect(before.has(card.id), `${p.story}: ${card.name}`).toBe(true);
    }
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });
});
