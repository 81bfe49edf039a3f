// The catalogue of real software: facts that hold together (ports, health endpoints, backends), and every reworked
// kind drawing its images from it.
import { describe, expect, it } from 'vitest';
import {
  bases, catalogue, helpers, houseApps, houseImage, isCatalogueImage, services, software, tools,
} from '../../../shared/model/software.ts';
import { difficulties, kindById, kindIds } from '../../../shared/index.ts';
import { imageRepository } from '../../../shared/model/image-pulls.ts';
import { isReworked } from '../rework-status.ts';

describe('software catalogue', () => {
  it('has one entry per id and images with a real tag, never latest', () => {
    expect(new Set(catalogue.map((s) => s.id)).size).toBe(catalogue.length);
    for (const s of catalogue) expect(s.image, s.id).toMatch(/^[a-z0-9./-]+(\/[a-z0-9._-]+)*:(?!latest$)[\w.-]+$/);
  });

  // Services may share the web's usual ports (80, 8080, 9000 for httpd, nginx-unprivileged, php-fpm, Keycloak); a
  // helper, which sits in someone else's pod, must never take another's port.
  it('never lets a helper claim a port another helper or a service uses, unless one is built on the other or stands in for it', () => {
    const listening = [...helpers, ...services];
    const clashes: string[] = [];
    for (const a of listening) {
      for (const b of listening) {
        if (a.id >= b.id) continue;
        if (!helpers.includes(a) && !helpers.includes(b)) continue;
        const sameFamily = a.family !== undefined && a.family === b.family;
        const standsIn = a.standsInFor === b.id || b.standsInFor === a.id;
        for (const p of a.ports) {
          if (b.ports.some((q) => q.port === p.port) && !sameFamily && !standsIn) clashes.push(`${a.id} and ${b.id} on ${p.port}`);
        }
      }
    }
    // Real clashes no story puts in one pod: cloud-sql-proxy's --health-check port defaults to 9090, Prometheus's own.
    const known = ['cloud-sql-proxy and prometheus on 9090'];
    expect(clashes.filter((c) => !known.includes(c))).toEqual([]);
  });

  it('serves every http or tcp health endpoint on a port the software listens on', () => {
    for (const s of catalogue) {
      for (const h of s.health) {
        if (h.kind === 'exec') expect(h.command?.length, s.id).toBeGreaterThan(0);
        else expect(s.ports.map((p) => p.port), `${s.id} ${h.path ?? ''}`).toContain(h.port);
      }
    }
  });

  it('knows the facts an expert checks first', () => {
    expect(software('envoy').ports.map((p) => p.port)).toEqual([15001, 9901]);
    expect(software('linkerd-proxy').ports.map((p) => p.port)).toEqual([4140, 4143, 4191]);
    expect(software('istio-proxy').health[0]).toMatchObject({ port: 15021, path: '/healthz/ready' });
    expect(software('otel-collector').ports.map((p) => p.port)).toEqual(expect.arrayContaining([4317, 4318, 13133]));
    expect(software('promtail').shipsTo).toEqual(['Loki']);
    expect(software('fluent-bit').shipsTo).toEqual(expect.arrayContaining(['Elasticsearch', 'Loki', 'Kafka', 'S3']));
    expect(software('vector').ports[0]!.port).toBe(8686);
    expect(software('keycloak').health.every((h) => h.port === 9000 && h.path?.startsWith('/health/'))).toBe(true);
    expect(software('cloud-sql-proxy').health.every((h) => h.port === 9090 && h.needs === '--health-check')).toBe(true);
  });

  it('gives every log shipper its backends, and nothing else any', () => {
    for (const s of catalogue) {
      if (s.role === 'log-shipper') expect(s.shipsTo?.length, s.id).toBeGreaterThan(0);
      else if (s.role !== 'telemetry') expect(s.shipsTo, s.id).toBeUndefined();
    }
  });

  it('builds every house app on a catalogue base image and accepts only its own images', () => {
    for (const app of houseApps) expect(bases.map((b) => b.id)).toContain(app.base);
    expect(isCatalogueImage(houseImage(houseApps[0]!, '2.4.1'))).toBe(true);
    expect(isCatalogueImage('ghcr.io/acme/orders-api:latest')).toBe(false);
    expect(isCatalogueImage('ghcr.io/acme/not-a-service:1.0.0')).toBe(false);
    expect(isCatalogueImage('envoyproxy/envoy:v1.29')).toBe(false);
    expect(isCatalogueImage(tools[0]!.image)).toBe(true);
  });
});

/** Every image a player sees in a puzzle: `image:` lines of the YAML and Image columns of tables. */
function imagesIn(view: ReturnType<ReturnType<typeof kindById>['publicView']>): string[] {
  const fromCode = [...(view.code?.text ?? '').matchAll(/image:\s*([^\s#]+)/g)].map((m) => m[1]!);
  const column = view.table?.columns.findIndex((c) => /^image$/i.test(c)) ?? -1;
  const fromTable = column >= 0 ? (view.table?.rows.map((r) => r[column] ?? '') ?? []) : [];
  return [...fromCode, ...fromTable].filter(Boolean);
}

/**
 * A puzzle about image references themselves (it exercises the pull-policy default) may show a catalogue image's
 * repository under another tag, no tag, or a malformed reference: that variant is the question.
 */
const isReferenceVariant = (image: string, rules: readonly string[]): boolean =>
  rules.includes('phase/pull-policy-default') && catalogue.some((s) => imageRepository(s.image) === imageRepository(image));

describe.each(kindIds.filter(isReworked))('%s takes its images from the catalogue', (id) => {
  it.each(difficulties)('at %s, over 400 seeds', (difficulty) => {
    const kind = kindById(id);
    const strangers = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const puzzle = kind.generate(`catalogue-${i}`, difficulty);
      const { rules } = kind.meta(puzzle);
      for (const image of imagesIn(kind.publicView(puzzle))) {
        if (!isCatalogueImage(image) && !isReferenceVariant(image, rules)) strangers.add(image);
      }
    }
    expect([...strangers]).toEqual([]);
  });
});

describe('the catalogue test itself', () => {
  it('accepts another tag of a catalogue image only in a puzzle about image references', () => {
    expect(isReferenceVariant('nginx:latest', ['phase/pull-policy-default'])).toBe(true);
    expect(isReferenceVariant('NGINX:1.27', ['phase/pull-policy-default'])).toBe(true);
    expect(isReferenceVariant('nginx:latest', ['phase/running'])).toBe(false);
    expect(isReferenceVariant('ghcr.io/someone/else:latest', ['phase/pull-policy-default'])).toBe(false);
  });

  it('finds images in YAML and in an Image column', () => {
    const view = {
      kind: 'x', format: 'single' as const, prompt: 'p', options: [],
      code: { language: 'yaml' as const, text: '  - name: a\n    image: busybox:1.36   # FROM x\n' },
      table: { columns: ['Container', 'Image'], rows: [['b', 'nginx:1.27']] },
    };
    expect(imagesIn(view)).toEqual(['busybox:1.36', 'nginx:1.27']);
  });
});
