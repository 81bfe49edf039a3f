// What can happen to a room. Every event carries its time; ids, tokens and seeds arrive from the server.
import type { ErrorCode, Phase, PlayerId } from '../protocol.ts';
import type { RoomState } from './state.ts';
import type { SlotRecord } from './records.ts';

/** Who sent a host-only event: the server derives it from the socket, never from a payload. */
export type Actor = { role: 'host' } | { role: 'player'; playerId: PlayerId };

export type RoomEvent =
  | { type: 'join'; playerId: PlayerId; token: string; name: string; team?: number | undefined; now: number }
  | { type: 'rejoin'; token: string; now: number }
  | { type: 'disconnect'; actor: Actor; now: number }
  | { type: 'leave'; playerId: PlayerId; now: number }
  | { type: 'pickTeam'; playerId: PlayerId; team: number; now: number }
  | { type: 'answer'; playerId: PlayerId; round: number; answer: unknown; now: number }
  | { type: 'start'; actor: Actor; now: number }
  | { type: 'next'; actor: Actor; phase: Phase; round: number; now: number }
  | { type: 'kick'; actor: Actor; playerId: PlayerId; now: number }
  | { type: 'lock'; actor: Actor; locked: boolean; now: number }
  | { type: 'pause'; actor: Actor; paused: boolean; now: number }
  | { type: 'unban'; actor: Actor; playerId: PlayerId; now: number }
  | { type: 'removeRecent'; actor: Actor; seconds: number; now: number }
  | { type: 'admit'; actor: Actor; playerId: PlayerId; admit: boolean; now: number }
  | { type: 'waitingRoom'; actor: Actor; enabled: boolean; now: number }
  | { type: 'playerCap'; actor: Actor; max: number | null; now: number }
  | { type: 'rename'; actor: Actor; playerId: PlayerId; name: string; now: number }
  | { type: 'end'; actor: Actor; now: number }
  | { type: 'tick'; now: number };

export type RoomEventType = RoomEvent['type'];
export type EventOf<T extends RoomEventType> = Extract<RoomEvent, { type: T }>;

/** What the server should do after a change. The state says what; effects say who needs to hear it. */
export type RoomEffect =
  /** The common view changed: broadcast room:state once to the room. */
  | { type: 'broadcast' }
  /** Someone arrived, left or changed team: broadcast room:state, throttled. */
  | { type: 'presence' }
  /** The host's roster changed (throttled host:status with roster). */
  | { type: 'roster' }
  /** The answered counter moved (throttled host:status); `taken`: the answer just stored, when one was (the row
   *  the store writes for it, so a batch of answers needs no comparison of states: server/live-room-host.ts). */
  | { type: 'answered'; taken?: SlotRecord }
  /** A round closed: every player gets their own me:state. */
  | { type: 'results' }
  /** The game is over: store it, send host:results. */
  | { type: 'finished' }
  /** A token was accepted; the socket now acts as this host or player. */
  | { type: 'identified'; role: 'host' } | { type: 'identified'; role: 'player' | 'waiting'; playerId: PlayerId }
  /** The host let a waiting joiner in: their socket joins the room and hears room:admitted. */
  | { type: 'admitted'; playerId: PlayerId }
  /** The player's own MeView changed outside a reveal (the host renamed them). */
  | { type: 'me'; playerId: PlayerId }
  | { type: 'removed'; playerId: PlayerId; reason: 'kicked' | 'left' | 'refused' }
  /** Idle for 30 minutes: the server drops the room. */
  | { type: 'expired' };

export type Failure = { ok: false; error: ErrorCode; suggestion?: string };
export type Success = { ok: true; state: RoomState; effects: RoomEffect[] };
export type Result = Success | Failure;

export const fail = (error: ErrorCode, suggestion?: string): Failure =>
  suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };

export const done = (state: RoomState, ...effects: RoomEffect[]): Success => ({ ok: true, state, effects });
