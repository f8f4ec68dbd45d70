// Sibling reads between the workers of a cluster, worker to worker: each worker listens on a
// local socket of its slot, and a worker whose read is owned by a sibling sends it there and
// gets the owner's answer back on the same connection. The primary only hands out the
// channel's name and secret; it relays no read. Frames carry an answer's text as it came from
// Leaf (not escaped into a JSON message and parsed back at every hop, as node:cluster's IPC
// would through the primary), and every frame made in one turn of the event loop leaves in one
// write, so a burst of reads costs a few system calls instead of four messages per read.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiblingRead } from '../leaf/client.js';
import type { TextAnswer } from '../leaf/http.js';
import { LeafError } from '../leaf/errors.js';

/** Where the workers of one cluster meet, made by the primary: a name for their sockets and the secret a connection must present. */
export interface ChannelSetup {
  name: string;
  secret: string;
}

export function newChannel(): ChannelSetup {
  return { name: `leaf-gateway-${process.pid}-${randomBytes(6).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
}

/**
 * The socket of the worker in `slot`: in Linux's abstract namespace (nothing left on disk when
 * a worker is killed), elsewhere a file in the temporary folder.
 */
export function socketPath(channel: ChannelSetup, slot: number): string {
  const file = `${channel.name}-${slot}`;
  return process.platform === 'linux' ? `\0${file}` : join(tmpdir(), `${file}.sock`);
}

/** The owner's answer to a sibling's read: the text, Leaf's coded failure, or nothing (read it yourself). */
type OutcomeHeader =
  | { id: number; status: number; retryAfter?: string | string[] }
  | { id: number; failure: { code: LeafError['code']; message: string; details: LeafError['details'] } }
  | { id: number; unavailable: true };

type ReadHeader = { id: number; read: SiblingRead };

const EMPTY = Buffer.alloc(0);

/**
 * One connection's frames: u32 header length, u32 body length, the header (JSON), the body (text
 * as it is). Frames sent in one turn of the event loop are written together.
 */
class Framed {
  private queued: Buffer[] = [];
  private received: Buffer = EMPTY;

  /** `maxFrame`: the largest frame accepted (a connection that has not shown the secret yet sends one small frame). */
  constructor(
    readonly socket: Socket,
    onFrame: (header: unknown, body: string) => void,
    private maxFrame: () => number = () => Number.POSITIVE_INFINITY,
  ) {
    socket.on('data', (chunk: Buffer) => {
      let data = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      while (data.length >= 8) {
        const headerLength = data.readUInt32LE(0);
        const end = 8 + headerLength + data.readUInt32LE(4);
        if (end > this.maxFrame()) return void socket.destroy();
        if (data.length < end) break;
        let header: unknown;
        try {
          header = JSON.parse(data.toString('utf8', 8, 8 + headerLength));
        } catch {
          return void socket.destroy();
        }
        const body = data.toString('utf8', 8 + headerLength, end);
        data = data.subarray(end);
        onFrame(header, body);
        if (socket.destroyed) return;
      }
      this.received = data.length === 0 ? EMPTY : data;
    });
  }

  send(header: object, body = ''): void {
    if (this.socket.destroyed) return;
    const headerText = JSON.stringify(header);
    const headerLength = Buffer.byteLength(headerText);
    const bodyLength = Buffer.byteLength(body);
    const frame = Buffer.allocUnsafe(8 + headerLength + bodyLength);
    frame.writeUInt32LE(headerLength, 0);
    frame.writeUInt32LE(bodyLength, 4);
    frame.write(headerText, 8);
    if (bodyLength > 0) frame.write(body, 8 + headerLength);
    if (this.queued.push(frame) === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const frames = this.queued;
    this.queued = [];
    if (!this.socket.destroyed) this.socket.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
  }
}

function outcomeOf(id: number, error: unknown): OutcomeHeader {
  // Anything but Leaf's coded failure (a cancelled call, a bug) is read again by the sibling itself.
  return error instanceof LeafError ? { id, failure: { code: error.code, message: error.message, details: { ...error.details } } } : { id, unavailable: true };
}

function sameSecret(given: unknown, secret: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given);
  return bytes.length === secret.length && timingSafeEqual(bytes, secret);
}

/**
 * The owner's side: listens on this worker's socket and answers each read with `answer` (null
 * until the worker's Leaf client exists: the sibling then reads for itself). A connection that
 * does not open with the channel's secret is closed (another local user cannot join a read).
 */
export function serveSiblingReads(channel: ChannelSetup, slot: number, answer: () => ((read: SiblingRead) => Promise<TextAnswer>) | null): Promise<Server> {
  const secret = Buffer.from(channel.secret);
  const server = createServer((socket) => {
    socket.unref();
    socket.on('error', () => socket.destroy());
    let trusted = false;
    const link = new Framed(socket, (header, _body) => {
      if (!trusted) {
        trusted = sameSecret((header as { secret?: unknown }).secret, secret);
        if (!trusted) socket.destroy();
        return;
      }
      const { id, read } = header as ReadHeader;
      const reader = answer();
      if (!reader) return link.send({ id, unavailable: true } satisfies OutcomeHeader);
      reader(read).then(
        (text) => link.send({ id, status: text.status, ...(text.retryAfter === undefined ? {} : { retryAfter: text.retryAfter }) } satisfies OutcomeHeader, text.text),
        (error: unknown) => link.send(outcomeOf(id, error)),
      );
    }, () => (trusted ? Number.POSITIVE_INFINITY : 1_024));
  });
  server.unref();
  const path = socketPath(channel, slot);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Exclusive: this worker's own socket, not one the cluster primary accepts on and hands out
    // (which it does for a worker's listen by default, and counts as the worker listening).
    server.listen({ path, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

interface Pending {
  resolve: (answer: TextAnswer | null) => void;
  reject: (error: LeafError) => void;
  timer: NodeJS.Timeout;
}

/** After a connection to a sibling fails, this long passes before another is tried (meanwhile this worker reads for itself). */
const RECONNECT_AFTER_MS = 1_000;

/** One connection to a sibling's socket, opened on the first read it owns and again after it closes. */
class SiblingConnection {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly link: Framed;
  /** performance.now() when it closed, or null while open. */
  closedAt: number | null = null;

  constructor(channel: ChannelSetup, slot: number) {
    const socket = createConnection(socketPath(channel, slot));
    socket.unref();
    this.link = new Framed(socket, (header, body) => this.settle(header as OutcomeHeader, body));
    // Frames written before the connection opens wait in the socket: the secret leaves first.
    this.link.send({ secret: channel.secret });
    // The owner is gone (or not there yet): whoever waits on it reads for itself.
    const close = (): void => {
      this.closedAt ??= performance.now();
      socket.destroy();
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.resolve(null);
      }
      this.pending.clear();
    };
    socket.on('error', close);
    socket.on('close', close);
  }

  read(read: SiblingRead, timeoutMs: number): Promise<TextAnswer | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.link.send({ id, read } satisfies ReadHeader);
    });
  }

  private settle(outcome: OutcomeHeader, body: string): void {
    const waiting = this.pending.get(outcome.id);
    if (!waiting) return;
    this.pending.delete(outcome.id);
    clearTimeout(waiting.timer);
    if ('unavailable' in outcome) waiting.resolve(null);
    else if ('failure' in outcome) {
      const { code, message, details } = outcome.failure;
      waiting.reject(new LeafError(code, message, details));
    } else waiting.resolve({ status: outcome.status, retryAfter: outcome.retryAfter, text: body });
  }
}

/** The requester's side: a read sent to the worker in `slot`, resolved to its answer, or null when that worker did not answer (read it here). */
export function siblingReader(channel: ChannelSetup): (slot: number, read: SiblingRead, timeoutMs: number) => Promise<TextAnswer | null> {
  const connections = new Map<number, SiblingConnection>();
  return (slot, read, timeoutMs) => {
    let connection = connections.get(slot);
    if (connection?.closedAt != null) {
      if (performance.now() - connection.closedAt < RECONNECT_AFTER_MS) return Promise.resolve(null);
      connection = undefined;
    }
    if (!connection) connections.set(slot, (connection = new SiblingConnection(channel, slot)));
    return connection.read(read, timeoutMs);
  };
}
