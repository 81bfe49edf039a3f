// What can happen to an assignment. Every event carries its time; ids and tokens arrive from the server.
import type { ErrorCode, PlayerId } from '../protocol.ts';
import type { AssignmentState } from './state.ts';

export type AssignmentEvent =
  | { type: 'join'; playerId: PlayerId; token: string; name: string; now: number }
  | { type: 'rejoin'; token: string; now: number }
  | { type: 'disconnect'; playerId: PlayerId; now: number }
  /** The student opens their next question: its timer starts now. */
  | { type: 'open'; playerId: PlayerId; round: number; now: number }
  | { type: 'answer'; playerId: PlayerId; round: number; answer: unknown; now: number }
  /** The teacher closes it before its closing time. */
  | { type: 'close'; now: number }
  | { type: 'tick'; now: number };

export type AssignmentEffect =
  /** This student's own view changed: send it to their socket. */
  | { type: 'student'; playerId: PlayerId }
  /** A token was accepted: the socket now speaks for this student. */
  | { type: 'identified'; playerId: PlayerId }
  /** It just closed: store its results. */
  | { type: 'closed' };

export type AssignmentResult =
  | { ok: true; state: AssignmentState; effects: AssignmentEffect[] }
  | { ok: false; error: ErrorCode; suggestion?: string };

export const ok = (state: AssignmentState, ...effects: AssignmentEffect[]): AssignmentResult => ({ ok: true, state, effects });
export const no = (error: ErrorCode, suggestion?: string): AssignmentResult =>
  suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };
