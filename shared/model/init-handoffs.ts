// What init containers hand each other and the app: files through volumes, and services (a database that must be up,
// a proxy a sidecar provides). Each container has its own root filesystem, so a file is handed over only where the
// writer and the reader mount the same volume, each at a path of its own (docs/rules/init.md#volume-handoff).
// The order they must run in follows from it with initPrecedence (docs/rules/init.md#one-at-a-time).
import { initPrecedence, type InitTask } from './init-sequence.ts';
import type { Precedence } from './precedence.ts';

export interface Mount {
  volume: string;
  path: string;
  readOnly?: boolean;
}

/** An init container as far as hand-offs go: where it mounts volumes, the files it writes and reads (absolute paths
 *  in its own filesystem), and the services it provides or needs ('db-up', 'mesh', 'db-proxy'…). */
export interface HandoffCard {
  id: string;
  /** restartPolicy: Always: a native sidecar, running from its place in the list on. */
  sidecar: boolean;
  mounts: readonly Mount[];
  writes: readonly string[];
  reads: readonly string[];
  provides: readonly string[];
  needs: readonly string[];
}

/** Where an absolute path lands: `<volume>:<path inside the volume>`, or null when no mount covers it (the file
 *  stays in the container's own filesystem and nobody else ever sees it). The deepest mount wins. */
export function fileKey(mounts: readonly Mount[], path: string): string | null {
  const covering = mounts
    .filter((m) => path === m.path || path.startsWith(m.path.endsWith('/') ? m.path : `${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!covering) return null;
  const inside = path.slice(covering.path.length).replace(/^\/+/, '');
  return `${covering.volume}:/${inside}`;
}

/** A card cannot write through a readOnly mount: the write fails. */
export function writableAt(mounts: readonly Mount[], path: string): boolean {
  const key = fileKey(mounts, path);
  if (key === null) return true;
  const volume = key.slice(0, key.indexOf(':'));
  const mount = mounts.filter((m) => m.volume === volume && path.startsWith(m.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return mount?.readOnly !== true;
}

export const isFileCapability = (capability: string): boolean => capability.startsWith('file:');

/** The card as an InitTask: files become capabilities `file:<volume>:/<path>` that writers provide and readers need. */
export function asTask(card: HandoffCard): InitTask {
  const files = (paths: readonly string[]): string[] =>
    paths.map((p) => fileKey(card.mounts, p)).filter((k): k is string => k !== null).map((k) => `file:${k}`);
  return { id: card.id, sidecar: card.sidecar, provides: [...card.provides, ...files(card.writes)], needs: [...card.needs, ...files(card.reads)] };
}

/** [a, b]: a must be listed before b, because b needs a file or a service a provides. */
export const handoffPrecedence = (cards: readonly HandoffCard[]): Precedence[] => initPrecedence(cards.map(asTask));

/** Why a must come before b: the first thing b needs that a provides. */
export function handoffReason(a: HandoffCard, b: HandoffCard): string | undefined {
  const provided = asTask(a).provides;
  return asTask(b).needs.find((need) => provided.includes(need));
}

/** Files a reader needs that no earlier card can have written and no mount brings: a puzzle must never ask for one. */
export function unmetFiles(cards: readonly HandoffCard[]): string[] {
  const provided = new Set(cards.flatMap((c) => asTask(c).provides));
  return cards.flatMap((c) => asTask(c).needs.filter((n) => isFileCapability(n) && !provided.has(n)));
}
