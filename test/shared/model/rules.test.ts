// The rules registry and its reference pages: every rule names a page and an anchor that exist in docs/rules/,
// and a kubernetes.io section; and no code comment cites a file outside this repository.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isRuleId, ruleIds, rules } from '../../../shared/model/rules/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const slug = (heading: string): string =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-');

function anchorsOf(page: string): Set<string> {
  const text = readFileSync(join(root, 'docs', 'rules', `${page}.md`), 'utf8');
  const ids = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
  const headings = [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!));
  return new Set([...ids, ...headings]);
}

describe('rules registry', () => {
  it('ids are <area>/<rule>, with the area as the page', () => {
    for (const id of ruleIds) {
      expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(id.split('/')[0]).toBe(rules[id].page);
    }
  });

  it.each(ruleIds)('%s has a title in words, an anchor on its page and a kubernetes.io section', (id) => {
    const rule = rules[id];
    expect(rule.title.length).toBeGreaterThan(15);
    expect(rule.title).not.toMatch(/\(P\d+\)|§/);
    expect(existsSync(join(root, 'docs', 'rules', `${rule.page}.md`))).toBe(true);
    expect(anchorsOf(rule.page).has(rule.anchor), `${rule.page}.md#${rule.anchor}`).toBe(true);
    // kubernetes.io documents kubectl and names Helm; the other tools of the tools area link their own docs.
    const ecosystem = rule.page === 'tools' && /^https:\/\/(github\.com\/(derailed\/k9s|stern\/stern|lensapp\/lens|ahmetb\/kubectx)|helm\.sh\/docs\/[a-z0-9_/-]+)#[a-z0-9-]+$/.test(rule.docUrl);
    if (!ecosystem) expect(rule.docUrl).toMatch(/^https:\/\/kubernetes\.io\/docs\/[^#]+#[a-z0-9-]+$/);
  });

  it('tells rule ids from other strings', () => {
    expect(ruleIds.length).toBeGreaterThan(0);
    expect(isRuleId(ruleIds[0])).toBe(true);
    expect(isRuleId('init/nothing-like-this')).toBe(false);
    expect(isRuleId('toString')).toBe(false);
  });

  it('indexes every page in docs/rules/README.md', () => {
    const index = readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8');
    const pages = readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const page of pages) expect(index).toContain(`(${page})`);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('code comments cite pages inside the repository', () => {
  const files = ['shared', 'server', 'client', 'scripts', 'test'].flatMap((d) => sources(join(root, d)));
  it('never cite k8s/*.md, pod-semantics or §-sections of files outside the repository', () => {
    const bad = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const hits = text.split('\n').map((line, i) => [line, i + 1] as const)
        .filter(([line]) => /k8s\/[\w-]+\.md|pod-semantics|kubectl-status\.md|§\d/.test(line) && !line.includes('never cite k8s'));
      return hits.map(([line, n]) => `${relative(root, f)}:${n}: ${line.trim()}`);
    });
    expect(bad).toEqual([]);
  });
});
