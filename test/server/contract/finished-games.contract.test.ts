// One contract for finished games, run against the SQLite file and a real PostgreSQL: stored once however often
// (and from however many nodes) they are stored, read back exactly by their host only, the latest game of a reused
// code, and a report built from them identical to one built from what was played.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/index.ts';
import { hashToken } from '../../../server/tokens.ts';
import { BACKENDS, backends, storedGames } from './backends.ts';
import { HOST_TOKEN, results } from './fixtures.ts';

const { make } = backends();

describe.each(BACKENDS)('finished games (%s)', (kind) => {
  it('are stored once, even when the same game is stored again at once and by another node', async () => {
    const b = await make(kind);
    const other = await b.another();
    for (let i = 0; i < 3; i++) {
      b.finish(results(), hashToken(HOST_TOKEN));
      other.finish(results(), hashToken(HOST_TOKEN));
    }
    // Concurrent reads each deliver what their node still holds.
    const read = await Promise.all([b, other, b, other].map((x) => x.teacher.finished.gameFor('ABCDEF', HOST_TOKEN)));
    for (const r of read) expect(r).toEqual(results());
    expect(await storedGames(b)).toBe(1);
  });

  it('are read back exactly by their host, refused to anyone else, not found for another code', async () => {
    const b = await make(kind);
    b.finish(results(), hashToken(HOST_TOKEN));
    const back = await b.teacher.finished.gameFor('ABCDEF', HOST_TOKEN);
    expect(back).toEqual(results());
    expect(await b.teacher.finished.gameFor('ABCDEF', 'someone-else')).toBe('forbidden');
    expect(await b.teacher.finished.gameFor('ABCDEF', '')).toBe('forbidden');
    expect(await b.teacher.finished.gameFor('ZZZZZZ', HOST_TOKEN)).toBeNull();
    const info = { id: 'g1', mode: 'live' as const, code: 'ABCDEF', quizName: null, createdAt: 1_800_000_000_000 };
    expect(buildReport(info, back as never)).toEqual(buildReport(info, results()));
  });

  it('answer with the latest game when a code was reused', async () => {
    const b = await make(kind);
    b.finish(results('ABCDEF', 1_800_000_100_000), hashToken(HOST_TOKEN));
    b.finish(results('ABCDEF', 1_800_000_900_000), hashToken('a-later-host'));
    expect(await b.teacher.finished.gameFor('ABCDEF', HOST_TOKEN)).toBe('forbidden');
    expect(await b.teacher.finished.gameFor('ABCDEF', 'a-later-host')).toMatchObject({ finishedAt: 1_800_000_900_000 });
  });
});
