// A quiz being prepared, between the setup and the preview: kept in sessionStorage (this tab only), so a reload of
// the preview keeps the edits. Fresh seeds come from the browser's crypto: the rules module takes entropy as input.
import { quizFromSettings, type Quiz } from '../../../shared/quiz/index.ts';
import { readQuiz } from '../../../shared/quiz/index.ts';
import type { RoomSettings } from '../../../shared/protocol.ts';

const ITEM = 'podium:quiz-draft';

export function freshSeed(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function defaultName(now = new Date()): string {
  return `Quiz of ${now.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

export function loadDraft(): Quiz | null {
  try {
    const raw = sessionStorage.getItem(ITEM);
    if (!raw) return null;
    const read = readQuiz(JSON.parse(raw));
    return read.ok ? read.quiz : null;
  } catch {
    return null;
  }
}

export function saveDraft(quiz: Quiz): void {
  try {
    sessionStorage.setItem(ITEM, JSON.stringify(quiz));
  } catch {
    // Storage off: the preview still works until a reload.
  }
}

/** From the host's setup: plan a quiz from these settings and open it in preview. */
export function openPreview(settings: RoomSettings): void {
  saveDraft(quizFromSettings(defaultName(), freshSeed(), settings));
  location.hash = '#/quizzes/draft';
}
