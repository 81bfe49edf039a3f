// The text framing of socket.io v5 over engine.io v4, as far as the bench needs it (default namespace, JSON
// payloads of one argument, no binary attachments). An engine.io packet is one WebSocket message: its first
// character is the type (0 open, 1 close, 2 ping, 3 pong, 4 message); a socket.io packet rides in a message,
// its type the second character (0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error), then an optional
// ack id, then the JSON: `42["room:state",{…}]`, `4217["answer:submit",{…}]`, `4317[{…}]`.

export type Incoming =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'ping' }
  | { type: 'connected' }
  | { type: 'connect_error'; message: string }
  | { type: 'disconnected' }
  /** `payload`: the raw JSON of the event's one argument ('' without one); parsed only by whoever needs it. */
  | { type: 'event'; name: string; payload: string }
  | { type: 'ack'; id: number; payload: string }
  | { type: 'other'; raw: string };

export const PONG = '3';
export const CONNECT = '40';

const ZERO = 48;
const NINE = 57;

/** Reads the ack id that starts at `from` (digits), or -1 when there is none. */
function idAt(text: string, from: number): { id: number; end: number } {
  let id = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    id = id * 10 + (c - ZERO);
  }
  return { id: i === from ? -1 : id, end: i };
}

/** `[x]` → `x`; `[]` → ''. The argument lists the bench receives hold one value. */
const inside = (text: string, from: number): string => text.slice(from + 1, text.length - 1);

function event(text: string): Incoming {
  // 42["name",payload] — event names contain no quote or backslash.
  const close = text.indexOf('"', 4);
  if (text.charCodeAt(2) !== 91 || text.charCodeAt(3) !== 34 || close < 0) return { type: 'other', raw: text };
  const name = text.slice(4, close);
  const comma = text.charCodeAt(close + 1) === 44;
  return { type: 'event', name, payload: comma ? text.slice(close + 2, text.length - 1) : '' };
}

function message(text: string): Incoming {
  switch (text[1]) {
    case '0':
      return { type: 'connected' };
    case '1':
      return { type: 'disconnected' };
    case '2':
      return event(text);
    case '3': {
      const { id, end } = idAt(text, 2);
      return id < 0 || text.charCodeAt(end) !== 91 ? { type: 'other', raw: text } : { type: 'ack', id, payload: inside(text, end) };
    }
    case '4': {
      const parsed = JSON.parse(text.slice(2) || '{}') as { message?: unknown };
      return { type: 'connect_error', message: typeof parsed.message === 'string' ? parsed.message : 'connect_error' };
    }
    default:
      return { type: 'other', raw: text };
  }
}

export function decode(text: string): Incoming {
  switch (text[0]) {
    case '0':
      return { type: 'open' };
    case '1':
      return { type: 'close' };
    case '2':
      return { type: 'ping' };
    case '4':
      return message(text);
    default:
      return { type: 'other', raw: text };
  }
}

/** An event, with an ack id when a reply is wanted. */
export function encodeEvent(name: string, payload: unknown, ackId: number | null): string {
  return `42${ackId === null ? '' : ackId}${JSON.stringify([name, payload])}`;
}
