// When the host's screen makes a sound, as plain functions of what is on screen (the engine only plays them).
// Lobby music while people join, a tick for each of a round's last five seconds, a chime at the reveal, a short
// fanfare at the podium. Nothing here touches audio, so it can be tested without a browser.

export type Cue = 'round' | 'reveal' | 'podium';
export type Music = 'lobby' | null;

export interface Screen {
  phase: string;
  round: number;
}

/** The one-off sound for arriving on a screen, or null (a re-sent view of the same screen plays nothing). */
export function cueFor(before: Screen | null, now: Screen): Cue | null {
  if (before && before.phase === now.phase && before.round === now.round) return null;
  if (now.phase === 'question') return 'round';
  if (now.phase === 'reveal') return 'reveal';
  if (now.phase === 'finished') return before === null ? null : 'podium';
  return null;
}

export const musicFor = (screen: Screen | null): Music => (screen?.phase === 'lobby' ? 'lobby' : null);

/** The second (5…1) whose tick is due between two readings of the time left, or null. */
export function tickBetween(beforeMs: number, afterMs: number): number | null {
  for (let s = 5; s >= 1; s--) {
    if (beforeMs > s * 1000 && afterMs <= s * 1000) return s;
  }
  return null;
}

export interface Note {
  /** Beats from the start of the bar. */
  at: number;
  /** MIDI note number. */
  midi: number;
  beats: number;
}

/** Four bars of a calm arpeggio (C, A minor, F, G), looped while the lobby is up. */
export function lobbyBar(bar: number): Note[] {
  const chords = [
    [60, 64, 67, 72],
    [57, 60, 64, 69],
    [53, 57, 60, 65],
    [55, 59, 62, 67],
  ];
  const chord = chords[((bar % 4) + 4) % 4]!;
  const order = [0, 1, 2, 3, 2, 1, 2, 3];
  const notes: Note[] = order.map((i, step) => ({ at: step * 0.5, midi: chord[i]!, beats: 0.5 }));
  notes.push({ at: 0, midi: chord[0]! - 12, beats: 4 });
  return notes;
}

export const frequencyOf = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
