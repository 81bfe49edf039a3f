// A WebSocket client written by hand on a TCP socket, so it can stop reading: it upgrades, opens the socket.io
// namespace, then never reads or answers again (a phone asleep with its connection open).
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/** A masked text frame, as every client frame must be. */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

export function frozenWebSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('latin1');
      // The engine.io open packet arrived: join the namespace, then freeze.
      if (seen.includes('101 Switching Protocols') && seen.includes('"sid"')) {
        socket.off('data', onData);
        socket.write(frame('40'));
        setTimeout(() => {
          socket.pause();
          resolve(socket);
        }, 100);
      }
    };
    socket.on('data', onData);
  });
}
