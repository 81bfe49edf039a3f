import { describe, expect, it } from 'vitest';
import { isRoomCode, normaliseRoomCode, roomCodeFrom } from '../../../shared/room/code.ts';
import { roomCodeAlphabet, RoomCode } from '../../../shared/protocol.ts';

describe('roomCodeFrom', () => {
  it('makes six characters from the unambiguous alphabet', () => {
    const code = roomCodeFrom([0, 1, 2, 3, 4, 30, 99]);
    expect(code).toBe('ABCDE9');
    expect(RoomCode.safeParse(code).success).toBe(true);
  });

  it('never uses 0, O, 1, I or L', () => {
    expect(roomCodeAlphabet).not.toMatch(/[0O1IL]/);
    const codes = Array.from({ length: 256 }, (_, i) => roomCodeFrom([i, i, i, i, i, i]) ?? '');
    expect(codes.join('')).not.toMatch(/[0O1IL]/);
  });

  it('skips bytes that would bias the draw and gives up when the bytes run out', () => {
    expect(roomCodeFrom([255, 250, 248, 0, 0, 0, 0, 0, 0])).toBe('AAAAAA');
    expect(roomCodeFrom([255, 0, 0])).toBeNull();
  });

  it('accepts lower case input codes and folds them', () => {
    expect(RoomCode.parse(' abcdef ')).toBe('ABCDEF');
    expect(RoomCode.safeParse('ABCDE0').success).toBe(false);
  });
});

describe('one room-code rule for every screen and the server', () => {
  it.each([
    ['ABC234', 'ABC234'], [' abc234 ', 'ABC234'], ['abc-234', 'ABC234'], ['ab c2 34', 'ABC234'],
    ['ABC', null], ['ABC23', null], ['ABC2345', null], ['ABCDE0', null], ['ABCDEO', null], ['<b>ab', null], ['', null],
    ['ABC234'.padEnd(40, ' '), null],
  ])('reads %j as %j on the home screen, the join form and the server alike', (typed, code) => {
    expect(normaliseRoomCode(typed)).toBe(code);
    const parsed = RoomCode.safeParse(typed);
    expect(parsed.success ? parsed.data : null).toBe(code);
    if (code !== null) expect(isRoomCode(code)).toBe(true);
  });
});
