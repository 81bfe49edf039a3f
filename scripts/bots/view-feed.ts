// Every room:state a socket receives, in order, so a caller can await "the next view like this" without
// missing one that arrived before it started waiting (a broadcast can overtake the ack of the event behind it).
import type { RoomView } from '../../shared/protocol.ts';
import type { BotSocket } from './socket.ts';

export interface ViewFeed {
  latest(): RoomView | null;
  /** The first view not yet taken that matches (earlier ones are dropped), waiting up to timeoutMs. */
  next(match: (v: RoomView) => boolean, timeoutMs: number): Promise<RoomView>;
}

export function viewFeed(socket: BotSocket, initial: RoomView | null = null): ViewFeed {
  const queue: RoomView[] = initial ? [initial] : [];
  let latest = initial;
  let wake: () => void = () => {};
  socket.on('room:state', (view) => {
    latest = view;
    queue.push(view);
    wake();
  });
  const take = (match: (v: RoomView) => boolean): RoomView | undefined => {
    const i = queue.findIndex(match);
    return i < 0 ? undefined : queue.splice(0, i + 1).at(-1);
  };
  const next = (match: (v: RoomView) => boolean, timeoutMs: number): Promise<RoomView> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching room:state within ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        const view = take(match);
        if (!view) return;
        clearTimeout(timer);
        wake = () => {};
        resolve(view);
      };
      wake = check;
      check();
    });
  return { latest: () => latest, next };
}
