// shared/ is the pure rules module: it must not reach for the network, the file system, the DOM or the server.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1] ?? m[2] ?? '');
}

const forbiddenInShared = [/^node:/, /^express/, /^socket\.io/, /^better-sqlite3/, /(^|\/)server\//, /(^|\/)client\//];
/** The only packages shared/ may import: each is pure JavaScript, without I/O, clocks or entropy in what shared/
 *  calls (obscenity's Math.random is in its censor strategies, which shared/ does not use). */
const packagesAllowedInShared = ['zod', 'obscenity', 'unhomoglyph'];
const sharedFiles = sourceFiles(join(root, 'shared'));

describe('shared/ boundaries', () => {
  it('has source files to check', () => {
    expect(sharedFiles.length).toBeGreaterThan(5);
  });

  it.each(sharedFiles.map((f) => [relative(root, f), f]))('%s imports nothing impure', (_name, file) => {
    const bad = importsOf(file).filter((spec) => forbiddenInShared.some((re) => re.test(spec)));
    expect(bad).toEqual([]);
  });

  it.each(sharedFiles.map((f) => [relative(root, f), f]))('%s imports only relative paths and allowed packages', (_name, file) => {
    const packages = importsOf(file).filter((spec) => !spec.startsWith('.'));
    expect(packages.filter((spec) => !packagesAllowedInShared.includes(spec))).toEqual([]);
  });

  it.each(sharedFiles.map((f) => [relative(root, f), f]))('%s uses no clock, entropy or timer', (_name, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/Math\.random|Date\.now|new Date\(|setTimeout|setInterval|performance\.now|crypto\./);
  });
});

describe('server/ and client/ boundaries', () => {
  const pairs: [string, RegExp][] = [
    ['server', /(^|\/)client\//],
    ['client', /(^|\/)server\//],
  ];
  it.each(pairs)('%s/ does not import the other side', (dir, forbidden) => {
    let files: string[] = [];
    try {
      files = sourceFiles(join(root, dir));
    } catch {
      return;
    }
    const bad = files.flatMap((f) => importsOf(f).filter((s) => forbidden.test(s)).map((s) => `${relative(root, f)}: ${s}`));
    expect(bad).toEqual([]);
  });
});
