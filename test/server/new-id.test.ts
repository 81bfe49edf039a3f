// newId hands out pooled CSPRNG bytes (tokens.ts): every id is new, across many refills of the pool, and keeps its
// shape (16 base64url characters, never starting with - or _).
import { describe, expect, it } from 'vitest';
import { newId } from '../../server/tokens.ts';

describe('newId', () => {
  it('never repeats an id across many refills of its pool, and keeps the shape', () => {
    const ids = Array.from({ length: 5000 }, () => newId()); // the pool holds 256 ids: ~20 refills
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
    // Every character position varies (the bytes are not reused or zero).
    for (let i = 0; i < 16; i++) expect(new Set(ids.map((id) => id[i])).size).toBeGreaterThan(30);
  });
});
