// Every docs link players and readers follow points at a section checked by hand (verified-doc-urls.ts says what each
// one says), and none points at a section that moved away when kubernetes.io split Pod Lifecycle.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../shared/model/rules/index.ts';
import { kindIds, puzzleKinds } from '../../../shared/puzzles/index.ts';
import type { Difficulty, PuzzleKind } from '../../../shared/puzzles/kind.ts';
import { retiredDocUrls, verifiedDocUrls } from './verified-doc-urls.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
// docs/content-reviews/ keeps past reviews as written: they quote the links the puzzles had then, stale ones included.
const docPages = (): string[] => files(join(root, 'docs'), /\.md$/).filter((f) => !f.includes('/content-reviews/'));
const files = (dir: string, ext: RegExp): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
});

function puzzleDocUrls(): Map<string, string> {
  const seen = new Map<string, string>();
  for (const id of kindIds) {
    const kind = puzzleKinds[id] as PuzzleKind<unknown> & { levels?: readonly Difficulty[] };
    for (const d of kind.levels ?? (['easy', 'medium', 'hard'] as const)) {
      for (let i = 0; i < 150; i++) {
        const p = kind.generate(`docs-${d}-${i}`, d);
        const url = kind.grade(p, kind.solve(p)).docUrl;
        if (!seen.has(url)) seen.set(url, `${kind.meta(p).template} (docs-${d}-${i})`);
      }
    }
  }
  return seen;
}

describe('docs links', () => {
  it('every rule links to a verified section', () => {
    const unknown = Object.entries(rules).filter(([, r]) => !Object.hasOwn(verifiedDocUrls, r.docUrl)).map(([id, r]) => `${id}: ${r.docUrl}`);
    expect(unknown, 'verify the section, then add it to test/shared/model/verified-doc-urls.ts').toEqual([]);
  });

  it('every puzzle explanation links to a verified section', () => {
    const unknown = [...puzzleDocUrls()].filter(([url]) => !Object.hasOwn(verifiedDocUrls, url)).map(([url, where]) => `${where}: ${url}`);
    expect(unknown, 'verify the section, then add it to test/shared/model/verified-doc-urls.ts').toEqual([]);
  });

  it('every kubernetes.io link in docs/ is a verified page or section', () => {
    const unknown = docPages().flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/https:\/\/kubernetes\.io\/docs\/[^)\s]*/g)]
      .map((m) => m[0].replace(/[.,;]$/, '')).filter((url) => !Object.hasOwn(verifiedDocUrls, url)).map((url) => `${f.slice(root.length + 1)}: ${url}`));
    expect(unknown).toEqual([]);
  });

  it('no code or page links to a section that moved off its page', () => {
    const sources = [...files(join(root, 'shared'), /\.ts$/), ...docPages()];
    const stale = sources.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      // Code often writes `${LIFECYCLE}#anchor` for the Pod Lifecycle page.
      const forms = (url: string): string[] => (url.startsWith(LIFECYCLE) ? [url, `\${LIFECYCLE}${url.slice(LIFECYCLE.length)}`] : [url]);
      return retiredDocUrls.filter((url) => forms(url).some((form) => text.includes(form))).map((url) => `${f.slice(root.length + 1)}: ${url}`);
    });
    expect(stale).toEqual([]);
    expect(retiredDocUrls.filter((url) => Object.hasOwn(verifiedDocUrls, url))).toEqual([]);
  });
});
