// The host's setup form as plain data, its checks, and the last choices remembered for "New game", so the
// component only binds inputs.
import { DifficultySetting, ScoringMode, TeamMode, defaultSettings, limits, type RoomSettings } from '../../../shared/protocol.ts';
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

const storageKey = 'podium:setup';

const pick = <T>(value: T | undefined, ok: (v: T) => boolean, fallback: T): T => (value !== undefined && ok(value) ? value : fallback);

/** A remembered form, checked field by field: anything stale or damaged (a kind since removed, a number out of
 *  range, junk) falls back to the default for that field alone. */
export function restoreForm(saved: unknown): SetupForm {
  const base = initialForm();
  if (typeof saved !== 'object' || saved === null) return base;
  const s = saved as Partial<Record<keyof SetupForm, unknown>>;
  const kinds = Array.isArray(s.kinds) ? s.kinds.filter((k): k is KindId => isKindId(k)) : [];
  const int = (v: unknown, min: number, max: number, fallback: number) =>
    typeof v === 'number' && within(v, min, max) ? v : fallback;
  return {
    kinds: kinds.length > 0 ? [...new Set(kinds)] : base.kinds,
    difficulty: pick(s.difficulty as SetupForm['difficulty'], (v) => DifficultySetting.safeParse(v).success, base.difficulty),
    rounds: int(s.rounds, 1, limits.roundsMax, base.rounds),
    secondsPerRound: int(s.secondsPerRound, limits.secondsMin, limits.secondsMax, base.secondsPerRound),
    scoring: pick(s.scoring as SetupForm['scoring'], (v) => ScoringMode.safeParse(v).success, base.scoring),
    teamMode: pick(s.teamMode as SetupForm['teamMode'], (v) => TeamMode.safeParse(v).success, base.teamMode),
    teamCount: int(s.teamCount, limits.teamsMin, limits.teamsMax, base.teamCount),
    autoAdvance: typeof s.autoAdvance === 'boolean' ? s.autoAdvance : base.autoAdvance,
  };
}

export interface FormMemory {
  load(): SetupForm;
  save(settings: RoomSettings): void;
}

/** The last settings a room was created with, in this browser's storage (nothing leaves the device). */
export function formMemory(store: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): FormMemory {
  return {
    load() {
      try {
        const raw = store?.getItem(storageKey);
        return restoreForm(raw ? JSON.parse(raw) : null);
      } catch {
        return initialForm();
      }
    },
    save(settings) {
      try {
        store?.setItem(storageKey, JSON.stringify(settings));
      } catch {
        // Full or switched-off storage: the next setup starts from the defaults.
      }
    },
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
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
