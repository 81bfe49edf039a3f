// The facilitator API from the browser: every call carries the facilitator key when this browser has it, else the
// object's own token. Errors come back as sentences for the page to show.
import type { CreatedAssignment, CreatedQuiz, GameSummary, QuizSummary, SavedQuiz, AssignmentBody } from '../../../shared/http-api.ts';
import type { Quiz } from '../../../shared/quiz/index.ts';
import type { Report } from '../../../shared/report/index.ts';
import type { AssignmentProgress } from '../../../shared/assignment/progress.ts';
import { facilitatorKey, forgetTokens, ownTokens, unmatched } from './own-tokens.ts';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const messages: Record<number, string> = {
  401: 'This browser may not open that. Open the facilitator link printed when the server started.',
  404: 'It is not there any more.',
  409: 'There is no report yet: the game has not finished.',
  429: 'Too many requests from this network. Wait a minute and try again.',
};

/** A 503 is either the database out of reach (storage_unavailable) or a server limit (too_many): the body says. */
const UNAVAILABLE = 'The server cannot reach its database right now; games in progress carry on. Try again in a minute.';

async function refusal(res: Response, fallback: string): Promise<string> {
  if (res.status === 503) {
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    if (body?.error === 'storage_unavailable') return UNAVAILABLE;
  }
  return messages[res.status] ?? fallback;
}

export async function request<T>(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<ApiResult<T>> {
  const credential = facilitatorKey() ?? init.token ?? null;
  const headers: Record<string, string> = {};
  if (credential) headers['Authorization'] = `Bearer ${credential}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch {
    return { ok: false, status: 0, message: 'The server cannot be reached. Check the connection and try again.' };
  }
  if (!res.ok) return { ok: false, status: res.status, message: await refusal(res, `The server refused (${res.status}).`) };
  if (res.status === 204) return { ok: true, data: null as T };
  return { ok: true, data: (await res.json()) as T };
}

/** Every quiz (with the key), else the ones this browser saved. */
export async function listQuizzes(): Promise<ApiResult<QuizSummary[]>> {
  const tokens = ownTokens('quiz');
  const r = facilitatorKey()
    ? await request<{ quizzes: QuizSummary[] }>('/quizzes')
    : await request<{ quizzes: QuizSummary[] }>('/quizzes/mine', { method: 'POST', body: { tokens } });
  if (r.ok && !facilitatorKey()) forgetTokens('quiz', unmatched(tokens, r.data.quizzes));
  return r.ok ? { ok: true, data: r.data.quizzes } : r;
}

export async function listGames(): Promise<ApiResult<GameSummary[]>> {
  const tokens = ownTokens('game');
  const r = facilitatorKey()
    ? await request<{ games: GameSummary[] }>('/games')
    : await request<{ games: GameSummary[] }>('/games/mine', { method: 'POST', body: { tokens } });
  if (r.ok && !facilitatorKey()) forgetTokens('game', unmatched(tokens, r.data.games));
  return r.ok ? { ok: true, data: r.data.games } : r;
}

/** The id (on the Games page) of the live game this tab hosts with `hostToken`: its report's address. With the
 *  facilitator key every game comes back, so the newest live game with this room code is the one. */
export async function liveGameId(code: string, hostToken: string): Promise<string | null> {
  const r = await request<{ games: GameSummary[] }>('/games/mine', { method: 'POST', body: { tokens: [hostToken] }, token: hostToken });
  if (!r.ok) return null;
  const ours = r.data.games.filter((g) => g.mode === 'live' && g.code === code).sort((a, b) => b.createdAt - a.createdAt);
  return ours[0]?.id ?? null;
}

/** The token this browser keeps for a quiz or game id, found by asking the server which of ours opens it. */
export async function tokenFor(kind: 'quiz' | 'game', id: string): Promise<string | null> {
  if (facilitatorKey()) return null;
  const tokens = ownTokens(kind);
  if (tokens.length === 0) return null;
  const path = kind === 'quiz' ? '/quizzes/mine' : '/games/mine';
  const r = await request<{ quizzes?: QuizSummary[]; games?: GameSummary[] }>(path, { method: 'POST', body: { tokens } });
  if (!r.ok) return null;
  const found: { id: string; tokenIndex?: number }[] = r.data.quizzes ?? r.data.games ?? [];
  forgetTokens(kind, unmatched(tokens, found));
  const hit = found.find((x) => x.id === id);
  return hit?.tokenIndex === undefined ? null : (tokens[hit.tokenIndex] ?? null);
}

export const getQuiz = async (id: string): Promise<ApiResult<SavedQuiz>> => request<SavedQuiz>(`/quizzes/${id}`, { token: await tokenFor('quiz', id) });
export const createQuiz = (quiz: Quiz): Promise<ApiResult<CreatedQuiz>> => request<CreatedQuiz>('/quizzes', { method: 'POST', body: { quiz } });
export const updateQuiz = async (id: string, quiz: Quiz): Promise<ApiResult<SavedQuiz>> =>
  request<SavedQuiz>(`/quizzes/${id}`, { method: 'PUT', body: { quiz }, token: await tokenFor('quiz', id) });
export const deleteQuiz = async (id: string): Promise<ApiResult<null>> =>
  request<null>(`/quizzes/${id}`, { method: 'DELETE', token: await tokenFor('quiz', id) });
export const getReport = async (id: string): Promise<ApiResult<Report>> =>
  request<Report>(`/games/${id}/report?tz=${encodeURIComponent(timeZone())}`, { token: await tokenFor('game', id) });
export const createAssignment = (body: AssignmentBody): Promise<ApiResult<CreatedAssignment>> =>
  request<CreatedAssignment>('/assignments', { method: 'POST', body });
export const getProgress = async (id: string, token?: string | null): Promise<ApiResult<AssignmentProgress>> =>
  request<AssignmentProgress>(`/assignments/${id}`, { token: token ?? (await tokenFor('game', id)) });
export const closeAssignment = async (id: string): Promise<ApiResult<AssignmentProgress>> =>
  request<AssignmentProgress>(`/assignments/${id}/close`, { method: 'POST', token: await tokenFor('game', id) });

export function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The report's CSV: the credential goes in a header, so fetch, then save the blob. */
export async function downloadReportCsv(id: string, fileName: string): Promise<string | null> {
  const credential = facilitatorKey() ?? (await tokenFor('game', id));
  let res: Response;
  try {
    res = await fetch(`/api/games/${id}/report.csv?tz=${encodeURIComponent(timeZone())}`, credential ? { headers: { Authorization: `Bearer ${credential}` } } : {});
  } catch {
    return 'The download failed: the server cannot be reached.';
  }
  if (!res.ok) return refusal(res, `The download failed (${res.status}).`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return null;
}
