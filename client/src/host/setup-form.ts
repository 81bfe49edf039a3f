// The host's setup form as plain data, and its checks, so the component only binds inputs.
import { defaultSettings, limits, type RoomSettings } from '../../../shared/protocol.ts';
import { isKindId, kindIds, type KindId } from '../../../shared/puzzles/index.ts';

export interface SetupForm {
  kinds: string[];
  difficulty: RoomSettings['difficulty'];
  rounds: number;
  secondsPerRound: number;
  scoring: RoomSettings['scoring'];
  teamMode: RoomSettings['teamMode'];
  teamCount: number;
  autoAdvance: boolean;
}

export const setupLimits = {
  roundsMax: limits.roundsMax,
  secondsMin: limits.secondsMin,
  secondsMax: limits.secondsMax,
  teamsMin: limits.teamsMin,
  teamsMax: limits.teamsMax,
};

export function initialForm(): SetupForm {
  return { ...defaultSettings, kinds: [...kindIds] };
}

export type Checked = { ok: true; settings: RoomSettings } | { ok: false; errors: Partial<Record<keyof SetupForm, string>> };

function within(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The form's values as settings the server accepts, or a message per field that is not. */
export function checkForm(form: SetupForm): Checked {
  const errors: Partial<Record<keyof SetupForm, string>> = {};
  const kinds = [...new Set(form.kinds)].filter(isKindId) as KindId[];
  if (kinds.length === 0) errors.kinds = 'Pick at least one kind of puzzle.';
  if (!within(form.rounds, 1, limits.roundsMax)) errors.rounds = `Rounds: a whole number from 1 to ${limits.roundsMax}.`;
  if (!within(form.secondsPerRound, limits.secondsMin, limits.secondsMax)) {
    errors.secondsPerRound = `Seconds per round: from ${limits.secondsMin} to ${limits.secondsMax}.`;
  }
  if (form.teamMode !== 'off' && !within(form.teamCount, limits.teamsMin, limits.teamsMax)) {
    errors.teamCount = `Teams: from ${limits.teamsMin} to ${limits.teamsMax}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const teamCount = within(form.teamCount, limits.teamsMin, limits.teamsMax) ? form.teamCount : defaultSettings.teamCount;
  return { ok: true, settings: { ...form, kinds, teamCount } };
}
