// The room's public surface for the server and tests.
export { reduce, nextDeadline, phaseDeadlineOf } from './reduce.ts';
export { createRoom, timing, MAX_PLAYERS, type RoomState, type PlayerState, type NewRoom, type QuestionRoom, type RevealRoom } from './state.ts';
export type { RoomEvent, RoomEffect, Actor, Result } from './events.ts';
export { viewForRoom, viewForPlayer, viewForHost, presenceOf } from './views.ts';
export { fullRoster, rosterDelta, applyRoster, rosterLists, BANS_SHOWN, type RosterLists } from './roster-delta.ts';
export { finalResults } from './results.ts';
export { roomCodeFrom } from './code.ts';
export { roundPlan, planRounds, levelOf, type RoundPlan } from './rounds.ts';
export { getPlayer, allPlayers } from './players.ts';
export { scoreAnswer, speedPoints, accuracyPoints, streakBonus } from './scoring.ts';
export { changesBetween, isEmptyChange, playerRecord, roomRecord, type RoomChanges } from './snapshot.ts';
export type { RoomRecord, PlayerRecord, SlotRecord, StageRecord } from './records.ts';
export { restoreRoom, isStale, RestoreError, type SavedRoom } from './restore.ts';
