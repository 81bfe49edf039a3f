// Helpers for folding events through the pure room machine.
import { expect } from 'vitest';
import type { RoomSettings } from '../../../shared/protocol.ts';
import type { Answer } from '../../../shared/puzzles/kind.ts';
import { kindById } from '../../../shared/puzzles/index.ts';
import { answerAs } from '../../../shared/puzzles/answers.ts';
import { createRoom, reduce, type RoomEvent, type RoomState, type Actor } from '../../../shared/room/index.ts';

export const T0 = 1_700_000_000_000;
export const host: Actor = { role: 'host' };
export const asPlayer = (playerId: string): Actor => ({ role: 'player', playerId });

export function settings(over: Partial<RoomSettings> = {}): RoomSettings {
  return {
    kinds: ['pod-phase'], difficulty: 'easy', rounds: 3, secondsPerRound: 20, scoring: 'speed',
    teamMode: 'off', teamCount: 2, autoAdvance: false, ...over,
  };
}

export const newRoom = (over: Partial<RoomSettings> = {}): RoomState =>
  createRoom({ code: 'ABCDEF', seed: 'room-seed', hostToken: 'host-secret', settings: settings(over), now: T0 });

/** Applies one event that must succeed. */
export function apply(state: RoomState, event: RoomEvent): RoomState {
  const result = reduce(state, event);
  if (!result.ok) expect.fail(`${event.type} refused: ${result.error}`);
  return result.state;
}

export const fold = (state: RoomState, events: RoomEvent[]): RoomState => events.reduce(apply, state);

export const join = (id: string, name = id, now = T0, team?: number): RoomEvent =>
  ({ type: 'join', playerId: id, token: `${id}.secret`, name, team, now });

/** A room with these players joined and the game started at T0 + 1000. */
export function started(ids: string[], over: Partial<RoomSettings> = {}): RoomState {
  return fold(newRoom(over), [...ids.map((id) => join(id)), { type: 'start', actor: host, now: T0 + 1000 }]);
}

export function solutionOf(state: RoomState): Answer {
  const q = state.question!;
  return kindById(q.kind).solve(q.puzzle);
}

/** An answer scoring 0: another option (single), the reverse order, a far-off number. */
export function wrongOf(state: RoomState): Answer {
  const q = state.question!;
  const solution = solutionOf(state);
  const view = q.view;
  switch (view.format) {
    case 'single':
      return view.options.find((o) => o.id !== solution)!.id;
    case 'number':
      return (answerAs('number', solution) ?? 0) * 3 + 100;
    case 'order':
      return [...(answerAs('order', solution) ?? [])].reverse();
    case 'multi': {
      const ticked = answerAs('multi', solution) ?? [];
      return view.options.map((o) => o.id).filter((id) => !ticked.includes(id));
    }
  }
}

export const answer = (state: RoomState, playerId: string, value: Answer, now: number): RoomEvent =>
  ({ type: 'answer', playerId, round: state.round, answer: value, now });

export const next = (state: RoomState, now: number): RoomEvent =>
  ({ type: 'next', actor: host, phase: state.phase, round: state.round, now });
