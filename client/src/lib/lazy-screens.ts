// Screens a phone in a live game never needs live in their own chunks, so the player's download stays small.
// Practice, once loaded, needs nothing more from the network: its chunk holds the whole rules module.

type Screen = Promise<typeof import('../practice/PracticeApp.svelte')>;

let practice: Screen | null = null;

/** One import for the whole page, started early by the home screen so going offline later cannot break practice. */
export function loadPractice(): Screen {
  practice ??= import('../practice/PracticeApp.svelte');
  practice.catch(() => {
    practice = null; // a failed fetch may be retried once the connection is back
  });
  return practice;
}
