// What to tell a person when the server says no. Codes come from the protocol; the words are ours.
import type { ErrorCode } from '../../../shared/protocol.ts';

/** The protocol's codes plus the two the client finds out on its own. */
export type ClientError = ErrorCode | 'timeout' | 'offline';

const messages: Record<ClientError, string> = {
  invalid_payload: 'Something in that request was not right. Reload the page and try again.',
  invalid_name: 'Pick a name of 1 to 20 letters, digits or emoji, without invisible or special characters.',
  name_not_allowed: 'That name is not allowed here. Pick another one.',
  name_banned: 'The host removed a player with that name. Pick another name.',
  room_busy: 'Lots of people are joining right now. Try again in a few seconds.',
  too_many_attempts: 'Too many wrong codes from this device or network. Check the code on the big screen and try again in a minute.',
  invalid_answer: 'That answer could not be read. Try again.',
  invalid_team: 'That team does not exist. Pick another one.',
  room_not_found: 'No game with that code. Check the code on the big screen.',
  room_full: 'This game is full.',
  room_locked: 'The host has locked this game: no new players.',
  name_taken: 'Someone in this game already has that name.',
  not_host: 'Only the host can do that.',
  not_joined: 'You are not in this game any more. Join again.',
  already_joined: 'This tab is already in a game. Reload the page to start again.',
  wrong_phase: 'The game has moved on: that is not possible right now.',
  already_answered: 'Your answer for this round is already in.',
  round_closed: 'Time is up for this round.',
  stale_round: 'That round is over.',
  no_players: 'Nobody has joined yet.',
  player_not_found: 'That player has already left.',
  rate_limited: 'Too fast: wait a second and try again.',
  kicked: 'The host removed you from this game.',
  unknown_token: 'This device is not in that game any more. Join again.',
  server_draining: 'The server is restarting. Try again in a few seconds.',
  internal_error: 'The server had a problem. Try again.',
  room_moving: 'The game is moving to another server. Try again in a moment.',
  not_open_yet: 'This homework is not open yet. Come back at the opening time.',
  assignment_closed: 'This homework has closed.',
  assignment_code: 'That code is for homework: opening it…',
  timeout: 'The server did not answer in time. Check the connection and try again.',
  offline: 'Not connected to the server yet. Wait a moment and try again.',
};

export function errorMessage(code: ClientError | string): string {
  return Object.hasOwn(messages, code) ? messages[code as ClientError] : 'Something went wrong. Try again.';
}
