// The host's sound, made in the browser with Web Audio (no files to download). Browsers only let a page start
// audio after a click or key press, so the context is created on the host's first gesture (unlock()); until then,
// and while muted, nothing plays. The mute choice is remembered on this device.
import { frequencyOf, lobbyBar, type Cue, type Music } from './sound-cues.ts';

const mutedKey = 'podium:sound:muted';
const beatSeconds = 0.42;

type Tone = 'sine' | 'triangle' | 'square';

function readMuted(): boolean {
  try {
    return localStorage.getItem(mutedKey) === '1';
  } catch {
    return false;
  }
}

function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(mutedKey, muted ? '1' : '0');
  } catch {
    // Storage switched off: the choice lasts for this page only.
  }
}

export class HostSound {
  muted = $state(readMuted());
  /** True once a gesture has allowed audio. */
  unlocked = $state(false);
  #context: AudioContext | null = null;
  #master: GainNode | null = null;
  #music: Music = null;
  #musicTimer: ReturnType<typeof setInterval> | undefined;
  #nextBar = 0;
  #barStart = 0;

  /** Call from a click or key handler: creates (or resumes) the audio context. */
  unlock(): void {
    if (typeof AudioContext === 'undefined') return;
    if (!this.#context) {
      this.#context = new AudioContext();
      this.#master = this.#context.createGain();
      this.#master.gain.value = this.muted ? 0 : 0.5;
      this.#master.connect(this.#context.destination);
    }
    void this.#context.resume();
    this.unlocked = true;
    if (this.#music) this.#startMusic();
  }

  toggle(): void {
    this.muted = !this.muted;
    saveMuted(this.muted);
    const ctx = this.#context;
    if (ctx && this.#master) this.#master.gain.setTargetAtTime(this.muted ? 0 : 0.5, ctx.currentTime, 0.05);
    if (this.muted) this.#stopMusic();
    else if (this.#music) this.#startMusic();
  }

  play(cue: Cue): void {
    if (cue === 'round') this.#notes([72, 79], 0.12, 'triangle', 0.25);
    else if (cue === 'reveal') this.#notes([67, 72, 76, 79], 0.1, 'triangle', 0.3);
    else this.#notes([60, 64, 67, 72, 67, 72], 0.14, 'square', 0.12);
  }

  /** A countdown tick; the last one is higher. */
  tick(second: number): void {
    this.#notes([second === 1 ? 88 : 81], 0.08, 'sine', 0.35);
  }

  music(which: Music): void {
    if (which === this.#music) return;
    this.#music = which;
    if (which) this.#startMusic();
    else this.#stopMusic();
  }

  dispose(): void {
    this.#stopMusic();
    void this.#context?.close();
    this.#context = null;
  }

  #ready(): AudioContext | null {
    return this.muted || !this.#context || !this.#master ? null : this.#context;
  }

  #voice(ctx: AudioContext, midi: number, start: number, seconds: number, tone: Tone, level: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone;
    osc.frequency.value = frequencyOf(midi);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(level, start + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
    osc.connect(gain).connect(this.#master!);
    osc.start(start);
    osc.stop(start + seconds + 0.05);
  }

  #notes(midis: number[], step: number, tone: Tone, level: number): void {
    const ctx = this.#ready();
    if (!ctx) return;
    midis.forEach((midi, i) => this.#voice(ctx, midi, ctx.currentTime + i * step, step * 2.2, tone, level));
  }

  /** Schedules a bar ahead of time, so timer jitter never makes the music stutter. */
  #startMusic(): void {
    const ctx = this.#ready();
    if (!ctx || this.#musicTimer !== undefined) return;
    this.#nextBar = 0;
    this.#barStart = ctx.currentTime + 0.1;
    const schedule = () => {
      const now = this.#ready();
      if (!now) return;
      while (this.#barStart < now.currentTime + 1.5) {
        for (const note of lobbyBar(this.#nextBar)) {
          this.#voice(now, note.midi, this.#barStart + note.at * beatSeconds, note.beats * beatSeconds, 'sine', note.beats > 1 ? 0.08 : 0.12);
        }
        this.#barStart += 4 * beatSeconds;
        this.#nextBar += 1;
      }
    };
    schedule();
    this.#musicTimer = setInterval(schedule, 500);
  }

  #stopMusic(): void {
    clearInterval(this.#musicTimer);
    this.#musicTimer = undefined;
  }
}
