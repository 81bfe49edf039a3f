// Playing a quiz live from the preview: create the room from the quiz's rounds over a socket of our own, keep the
// host token where the host screen looks for it, then open the host screen, which rejoins as that host. The host
// screen itself needs no change for it.
import { connectSocket } from '../lib/socket.ts';
import { SessionStore } from '../lib/session-store.ts';
import { errorMessage } from '../lib/live-errors.ts';
import { rememberToken } from '../teacher/own-tokens.ts';
import type { Ack, Created } from '../../../shared/protocol.ts';
import type { Quiz } from '../../../shared/quiz/index.ts';

export async function playLive(quiz: Quiz, quizId: string | null): Promise<string | null> {
  const socket = connectSocket();
  try {
    await new Promise<void>((resolve, reject) => {
      if (socket.connected) resolve();
      socket.once('connect', () => resolve());
      setTimeout(() => reject(new Error('timeout')), 8000);
    });
    const ack = (await socket.timeout(5000).emitWithAck('room:create', {
      settings: quiz.settings, quiz: { id: quizId, name: quiz.name, rounds: quiz.rounds },
    })) as Ack<Created>;
    if (!ack.ok) return errorMessage(ack.error);
    new SessionStore().save('host', { code: ack.data.code, token: ack.data.hostToken });
    rememberToken('game', ack.data.hostToken);
    location.hash = '#/host';
    return null;
  } catch {
    return 'The server cannot be reached. Check the connection and try again.';
  } finally {
    socket.disconnect();
  }
}
