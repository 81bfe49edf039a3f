// The facilitator key: from the environment, or generated once into the data directory and kept there.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { facilitatorLink, loadFacilitatorKey } from '../../server/library/facilitator-key.ts';

const dirs: string[] = [];
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the facilitator key', () => {
  it('is generated once into the data directory, readable by this user only, and kept', () => {
    const db = join(dataDir(), 'sub', 'podium.db');
    const first = loadFacilitatorKey(undefined, db);
    expect(first.source).toBe('generated');
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.path!, 'utf8').trim()).toBe(first.key);
    expect(loadFacilitatorKey(undefined, db)).toEqual({ ...first, source: 'file' });
  });

  it('comes from the environment when set, and a bad one stops the start', () => {
    const db = join(dataDir(), 'podium.db');
    expect(loadFacilitatorKey('a-long-enough-key-0123', db)).toEqual({ key: 'a-long-enough-key-0123', source: 'environment', path: null });
    expect(() => loadFacilitatorKey('short', db)).toThrow(/16–200 printable characters/);
    expect(() => loadFacilitatorKey('has spaces in it, quite long', db)).toThrow(/without spaces/);
  });

  it('refuses a key file that holds no key', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'facilitator.key'), 'x\n');
    expect(() => loadFacilitatorKey(undefined, join(dir, 'podium.db'))).toThrow(/does not hold a facilitator key/);
  });

  it('is put in the link’s fragment, which browsers never send to a server', () => {
    expect(facilitatorLink('http://10.0.0.5:3000', 'a+b/c')).toBe('http://10.0.0.5:3000/#/games?key=a%2Bb%2Fc');
  });
});
