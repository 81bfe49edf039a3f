// The wire protocol: every socket event typed once, the zod schemas that guard the server's boundary,
// the error codes, and the views the client renders. docs/protocol.md describes the same thing in prose.
import { z } from 'zod';
import { isKindId, type KindId } from './puzzles/index.ts';
import type { FinalResults, HostStatus, MeView, PresenceView, RoomView } from './room/view-types.ts';
import type { Recap } from './report/recap.ts';
import type { StudentView } from './assignment/views.ts';
import { limits } from './limits.ts';
import { normaliseRoomCode, roomCodeAlphabet } from './room/code.ts';
import { QuizName, QuizRounds } from './quiz/schema.ts';

// ── Error codes ───────────────────────────────────────────────────────────────────────────────

export const ErrorCodes = {
  invalidPayload: 'invalid_payload',
  invalidName: 'invalid_name',
  invalidAnswer: 'invalid_answer',
  invalidTeam: 'invalid_team',
  roomNotFound: 'room_not_found',
  roomFull: 'room_full',
  roomLocked: 'room_locked',
  nameTaken: 'name_taken',
  nameNotAllowed: 'name_not_allowed',
  nameBanned: 'name_banned',
  roomBusy: 'room_busy',
  tooManyAttempts: 'too_many_attempts',
  notHost: 'not_host',
  notJoined: 'not_joined',
  alreadyJoined: 'already_joined',
  wrongPhase: 'wrong_phase',
  alreadyAnswered: 'already_answered',
  roundClosed: 'round_closed',
  staleRound: 'stale_round',
  noPlayers: 'no_players',
  playerNotFound: 'player_not_found',
  rateLimited: 'rate_limited',
  kicked: 'kicked',
  unknownToken: 'unknown_token',
  serverDraining: 'server_draining',
  internalError: 'internal_error',
  /** Cluster mode: the room's owner node did not answer in time, or the room is changing node; retry shortly. */
  roomMoving: 'room_moving',
  /** Assignments (self-paced): before the opening time, after the closing time, a code that is an assignment's. */
  notOpenYet: 'not_open_yet',
  assignmentClosed: 'assignment_closed',
  assignmentCode: 'assignment_code',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Every acknowledgement. `suggestion` comes with `name_taken`: a free name close to the one asked for. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; suggestion?: string };
export type AckFn<T> = (response: Ack<T>) => void;

// ── Limits and small schemas ──────────────────────────────────────────────────────────────────

export { limits };
export { roomCodeAlphabet };

/** Six characters, no 0/O/1/I/L; case, spaces and dashes are ignored (the one rule: shared/room/code.ts). */
export const RoomCode = z.string().transform((raw, ctx) => {
  const code = normaliseRoomCode(raw);
  if (code === null) ctx.addIssue({ code: 'custom', message: 'not a room code' });
  return code ?? z.NEVER;
});
export const Token = z.string().min(1).max(limits.tokenMaxLength);
export const PlayerId = z.string().min(1).max(limits.idMaxLength);
export type PlayerId = z.infer<typeof PlayerId>;
export const RoundNumber = z.number().int().min(1).max(limits.roundsMax);

export const KindIdSchema = z.custom<KindId>((v) => isKindId(v), { message: 'unknown puzzle kind' });
export const DifficultySetting = z.enum(['easy', 'medium', 'hard', 'rising']);
export type DifficultySetting = z.infer<typeof DifficultySetting>;
export const ScoringMode = z.enum(['speed', 'accuracy']);
export type ScoringMode = z.infer<typeof ScoringMode>;
/** off: no teams; auto: the server balances players into teamCount teams; pick: players choose in the lobby. */
export const TeamMode = z.enum(['off', 'auto', 'pick']);
export type TeamMode = z.infer<typeof TeamMode>;
export const Phase = z.enum(['lobby', 'question', 'reveal', 'leaderboard', 'finished']);
export type Phase = z.infer<typeof Phase>;

/** An answer's envelope: single → option id; multi/order → ids; number → a finite number. */
export const AnswerSchema = z.union([
  z.string().max(limits.idMaxLength),
  z.array(z.string().max(limits.idMaxLength)).max(limits.answerItemsMax),
  z.number(),
]);

export const RoomSettings = z.strictObject({
  kinds: z
    .array(KindIdSchema)
    .min(1)
    .max(32)
    .refine((ids) => new Set(ids).size === ids.length, 'duplicate kinds'),
  difficulty: DifficultySetting,
  rounds: z.number().int().min(1).max(limits.roundsMax),
  secondsPerRound: z.number().int().min(limits.secondsMin).max(limits.secondsMax),
  scoring: ScoringMode,
  teamMode: TeamMode,
  /** Ignored when teamMode is off. */
  teamCount: z.number().int().min(limits.teamsMin).max(limits.teamsMax),
  /** true: reveal and leaderboard advance by themselves after a few seconds; false: the host presses next. */
  autoAdvance: z.boolean(),
});
export type RoomSettings = z.infer<typeof RoomSettings>;

// ── Client → server payloads ──────────────────────────────────────────────────────────────────

/** A room made from a quiz plays exactly its rounds (settings' kinds and rounds are taken from them). */
export const RoomQuiz = z.strictObject({ id: z.string().min(1).max(64).nullable(), name: QuizName, rounds: QuizRounds });
export type RoomQuiz = z.input<typeof RoomQuiz>;
export const CreateRoom = z.strictObject({ settings: RoomSettings, quiz: RoomQuiz.optional() });
export type CreateRoom = z.infer<typeof CreateRoom>;
/** The name is trimmed and checked by the room (1–20 characters, any script, no control characters). */
export const JoinRoom = z.strictObject({
  code: RoomCode,
  name: z.string().max(80),
  /** Only in teamMode 'pick': 0-based team index. */
  team: z.number().int().min(0).max(limits.teamsMax - 1).optional(),
});
export type JoinRoom = z.input<typeof JoinRoom>;
/** A player token or the host token: the server tells which in the ack. */
export const RejoinRoom = z.strictObject({ code: RoomCode, token: Token });
export type RejoinRoom = z.input<typeof RejoinRoom>;
export const Empty = z.strictObject({});
export type Empty = z.infer<typeof Empty>;
export const PickTeam = z.strictObject({ team: z.number().int().min(0).max(limits.teamsMax - 1) });
export type PickTeam = z.infer<typeof PickTeam>;
export const SubmitAnswer = z.strictObject({ round: RoundNumber, answer: AnswerSchema });
export type SubmitAnswer = z.infer<typeof SubmitAnswer>;
/** The phase and round the host is looking at: a double click cannot skip two steps. */
export const HostNext = z.strictObject({ phase: Phase, round: z.number().int().min(0).max(limits.roundsMax) });
export type HostNext = z.infer<typeof HostNext>;
export const HostKick = z.strictObject({ playerId: PlayerId });
export type HostKick = z.infer<typeof HostKick>;
export const HostLock = z.strictObject({ locked: z.boolean() });
export type HostLock = z.infer<typeof HostLock>;
/** true holds the auto-advance countdown of a reveal or leaderboard; false resumes it with the time it had left. */
export const HostPause = z.strictObject({ paused: z.boolean() });
export type HostPause = z.infer<typeof HostPause>;
export const HostUnban = z.strictObject({ playerId: PlayerId });
export type HostUnban = z.infer<typeof HostUnban>;
/** Removes (and bans) everyone who joined in the last `seconds`. */
export const HostRemoveRecent = z.strictObject({ seconds: z.number().int().min(1).max(3600) });
export type HostRemoveRecent = z.infer<typeof HostRemoveRecent>;
/** admit false: refused, and banned like a kick. */
export const HostAdmit = z.strictObject({ playerId: PlayerId, admit: z.boolean() });
export type HostAdmit = z.infer<typeof HostAdmit>;
export const HostWaitingRoom = z.strictObject({ enabled: z.boolean() });
export type HostWaitingRoom = z.infer<typeof HostWaitingRoom>;
/** null lifts the cap (the server's own, 10,000, stays). */
export const HostPlayerCap = z.strictObject({ max: z.number().int().min(1).max(limits.playersMax).nullable() });
export type HostPlayerCap = z.infer<typeof HostPlayerCap>;
export const HostRename = z.strictObject({ playerId: PlayerId, name: z.string().max(80) });
export type HostRename = z.infer<typeof HostRename>;

/** Assignments (self-paced homework): a student joins by code, opens each question when ready, answers it. */
export const HomeworkJoin = z.strictObject({ code: RoomCode, name: z.string().max(80) });
export type HomeworkJoin = z.input<typeof HomeworkJoin>;
export const HomeworkRejoin = z.strictObject({ code: RoomCode, token: Token });
export type HomeworkRejoin = z.input<typeof HomeworkRejoin>;
export const HomeworkRound = z.strictObject({ round: RoundNumber });
export type HomeworkRound = z.infer<typeof HomeworkRound>;

// ── The host's roster: one full list, then deltas (docs/protocol.md, "The host's roster") ─────────────────
// Server → client, but typed with zod: the client checks each update against these, and one it cannot apply
// (a version it does not follow from, an entry it does not have) makes it ask for a full roster (host:roster).

/** Counts the updates of one host connection's roster: a delta of version v applies on top of version v − 1. */
export const RosterVersion = z.number().int().nonnegative();
export const RosterEntry = z.strictObject({
  playerId: PlayerId,
  name: z.string(),
  team: z.number().int().nonnegative().nullable(),
  connected: z.boolean(),
  /** Epoch ms (server clock): for "remove everyone who joined in the last N seconds". */
  joinedAt: z.number(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
/** Someone in the waiting room: not a player until the host admits them. `at`: when they asked to join. */
export const WaitingEntryView = z.strictObject({ playerId: PlayerId, name: z.string(), at: z.number() });
export type WaitingEntryView = z.infer<typeof WaitingEntryView>;
/** A player the host removed (kick, refusal, bulk removal): their token and name stay out until the ban is lifted. */
export const BanEntryView = z.strictObject({ playerId: PlayerId, name: z.string(), at: z.number() });
export type BanEntryView = z.infer<typeof BanEntryView>;

/** Players in join order, the waiting room in arrival order, the newest bans first (at most 100). */
export const RosterFull = z.strictObject({
  kind: z.literal('full'),
  version: RosterVersion,
  players: z.array(RosterEntry),
  waiting: z.array(WaitingEntryView),
  banned: z.array(BanEntryView),
});
export type RosterFull = z.infer<typeof RosterFull>;
/** A list's changes: `removed` ids go first; `changed` entries replace theirs in place; `added` ones (in order) go
 *  at the end, which is where a newcomer belongs in join or arrival order. */
const listDelta = <T extends z.ZodType>(entry: T) =>
  z.strictObject({ added: z.array(entry), changed: z.array(entry), removed: z.array(PlayerId) });
/** What changed since version − 1; a list that did not change is absent. `banned` is short (the newest 100) and
 *  changes only by the host's hand, so it comes whole. */
export const RosterDelta = z.strictObject({
  kind: z.literal('delta'),
  version: RosterVersion.min(1),
  players: listDelta(RosterEntry).optional(),
  waiting: listDelta(WaitingEntryView).optional(),
  banned: z.array(BanEntryView).optional(),
});
export type RosterDelta = z.infer<typeof RosterDelta>;
export const RosterUpdate = z.discriminatedUnion('kind', [RosterFull, RosterDelta]);
export type RosterUpdate = z.infer<typeof RosterUpdate>;

// ── Views (server → client): see shared/room/view-types.ts ───────────────────────────────────

export type * from './room/view-types.ts';
export type { Recap, RecapRound } from './report/recap.ts';
export type { StudentView } from './assignment/views.ts';

// ── Acks' data ────────────────────────────────────────────────────────────────────────────────

export interface Created {
  code: string;
  hostToken: string;
  /** Absolute when the server knows its public address, else a path (prefix it with location.origin). */
  joinUrl: string;
  view: RoomView;
}
export interface Joined {
  playerToken: string;
  me: MeView;
  view: RoomView;
}
/** The room has a waiting room: keep the token (a reload rejoins the queue) and wait for room:admitted. */
export interface Waiting {
  waiting: true;
  playerToken: string;
  code: string;
  name: string;
}
export type Rejoined =
  | { role: 'player'; playerToken: string; me: MeView; view: RoomView }
  | { role: 'waiting'; playerToken: string; code: string; name: string }
  | { role: 'host'; hostToken: string; joinUrl: string; view: RoomView; status: HostStatus };
/** What a bulk removal took out. */
export interface Removed {
  removed: number;
}
export interface HomeworkJoined {
  /** Keep it: a reload, another day or a closed tab resumes with it. */
  token: string;
  view: StudentView;
}
export interface AnswerAccepted {
  round: number;
  /** Server time the answer was taken (epoch ms). */
  at: number;
}

// ── Event maps ────────────────────────────────────────────────────────────────────────────────

export interface ClientToServerEvents {
  'room:create': (p: CreateRoom, ack: AckFn<Created>) => void;
  'room:join': (p: JoinRoom, ack: AckFn<Joined | Waiting>) => void;
  'room:rejoin': (p: RejoinRoom, ack: AckFn<Rejoined>) => void;
  'room:leave': (p: Empty, ack: AckFn<null>) => void;
  'team:pick': (p: PickTeam, ack: AckFn<MeView>) => void;
  'answer:submit': (p: SubmitAnswer, ack: AckFn<AnswerAccepted>) => void;
  'host:start': (p: Empty, ack: AckFn<null>) => void;
  'host:next': (p: HostNext, ack: AckFn<null>) => void;
  'host:kick': (p: HostKick, ack: AckFn<null>) => void;
  'host:lock': (p: HostLock, ack: AckFn<null>) => void;
  'host:pause': (p: HostPause, ack: AckFn<null>) => void;
  'host:unban': (p: HostUnban, ack: AckFn<null>) => void;
  'host:remove-recent': (p: HostRemoveRecent, ack: AckFn<Removed>) => void;
  'host:admit': (p: HostAdmit, ack: AckFn<null>) => void;
  'host:waiting-room': (p: HostWaitingRoom, ack: AckFn<null>) => void;
  'host:player-cap': (p: HostPlayerCap, ack: AckFn<null>) => void;
  'host:rename': (p: HostRename, ack: AckFn<null>) => void;
  'host:end': (p: Empty, ack: AckFn<null>) => void;
  'host:results': (p: Empty, ack: AckFn<FinalResults>) => void;
  /** The whole roster again, when the host's copy missed an update; deltas then follow from its version. */
  'host:roster': (p: Empty, ack: AckFn<RosterFull>) => void;
  /** A player's own recap once the game is finished (wrong_phase before). */
  'player:recap': (p: Empty, ack: AckFn<Recap>) => void;
  'hw:join': (p: HomeworkJoin, ack: AckFn<HomeworkJoined>) => void;
  'hw:rejoin': (p: HomeworkRejoin, ack: AckFn<StudentView>) => void;
  /** Opens the student's next question: its timer starts now (opening the open one again changes nothing). */
  'hw:open': (p: HomeworkRound, ack: AckFn<StudentView>) => void;
  'hw:answer': (p: SubmitAnswer, ack: AckFn<StudentView>) => void;
  /** Once the student has done every round, or the assignment has closed (wrong_phase before). */
  'hw:recap': (p: Empty, ack: AckFn<Recap>) => void;
}

/** replaced: the same player or host connected from another socket (a reload, a second tab); refused: the host
 *  turned this joiner away from the waiting room. */
export type CloseReason = 'kicked' | 'left' | 'expired' | 'replaced' | 'refused';

export interface ServerToClientEvents {
  'room:state': (view: RoomView) => void;
  /** Arrivals and departures between full views: merge into the view on screen. */
  'room:presence': (presence: PresenceView) => void;
  'me:state': (me: MeView) => void;
  'host:status': (status: HostStatus) => void;
  'host:results': (results: FinalResults) => void;
  'room:closed': (info: { reason: CloseReason }) => void;
  /** The host let this waiting joiner in: from now on the socket is that player. */
  'room:admitted': (joined: { me: MeView; view: RoomView }) => void;
  /** The server is shutting down (SIGTERM): reconnect and rejoin with your token in a few seconds. */
  'server:restarting': (info: { retryAfterMs: number }) => void;
  /** A student's own view changed outside an ack (a question's timer ran out, the assignment closed). */
  'hw:state': (view: StudentView) => void;
}

/** What the server remembers about a socket. Identity lives here, never in a payload. */
export interface SocketData {
  roomCode: string | null;
  /** waiting: asked to join a room with a waiting room, not admitted yet (no player events, no broadcasts). */
  role: 'host' | 'player' | 'waiting' | 'student' | null;
  playerId: PlayerId | null;
}

/** Defaults a client or bot can start from. */
export const defaultSettings = {
  difficulty: 'rising',
  rounds: 10,
  secondsPerRound: 30,
  scoring: 'speed',
  teamMode: 'off',
  teamCount: 2,
  autoAdvance: false,
} as const satisfies Omit<RoomSettings, 'kinds'>;
