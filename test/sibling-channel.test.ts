// The socket a cluster worker answers its siblings' reads on (src/server/sibling-channel.ts),
// over real local sockets in this process: what the owner answers arrives unchanged (text as
// Leaf sent it, Leaf's coded failures as LeafErrors), "read it yourself" arrives as null, and a
// connection without the channel's secret gets nothing. tests/cluster-reads.test.ts covers the
// workers of a real cluster sharing their reads through it.
import { createConnection, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiblingRead } from '../src/leaf/client.js';
import { LeafError } from '../src/leaf/errors.js';
import { readTags } from '../src/leaf/read-tags.js';
import type { TextAnswer } from '../src/leaf/http.js';
import { until } from './support/wait.js';
import { newChannel, serveSiblingReads, siblingReader, socketPath } from '../src/server/sibling-channel.js';

const servers: Server[] = [];
const accepted: Socket[] = [];
afterEach(async () => {
  for (const socket of accepted.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function readOf(path: string): SiblingRead {
  return { path, endpoint: '/files/{id}', group: 'files', leafUserId: null, tags: [readTags.file('f1')], token: 'token-a', tokenHash: 'hash-a', arrivedAt: 12.5 };
}

/** An owner in slot 0 answering with `answer`, and what it was asked. */
async function owner(answer: ((read: SiblingRead) => Promise<TextAnswer>) | null) {
  const channel = newChannel();
  const asked: SiblingRead[] = [];
  const server = await serveSiblingReads(channel, 0, () =>
    answer
      ? (read) => {
          asked.push(read);
          return answer(read);
        }
      : null,
  );
  servers.push(server);
  const sockets: Socket[] = [];
  server.on('connection', (socket: Socket) => {
    sockets.push(socket);
    accepted.push(socket);
  });
  return { channel, asked, server, sockets };
}

describe('sibling reads between workers', () => {
  it("hands back the owner's answer unchanged, for many reads sent at once", async () => {
    // Text beyond ASCII, and one answer large enough to arrive in many chunks.
    const big = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, index) => ({ index, name: `Feld ${index} – Süd ✓` })) });
    const { channel, asked } = await owner(async (read) => ({
      status: 200,
      retryAfter: undefined,
      text: read.path === '/big' ? big : `{"path":${JSON.stringify(read.path)},"name":"Mähdrescher 🚜"}`,
    }));
    const readAt = siblingReader(channel);
    const paths = ['/big', ...Array.from({ length: 50 }, (_, index) => `/files/${index}`)];
    const answers = await Promise.all(paths.map((path) => readAt(0, readOf(path), 10_000)));
    expect(answers[0]).toEqual({ status: 200, retryAfter: undefined, text: big });
    for (const [index, path] of paths.entries()) {
      if (index === 0) continue;
      expect(answers[index]).toEqual({ status: 200, retryAfter: undefined, text: `{"path":${JSON.stringify(path)},"name":"Mähdrescher 🚜"}` });
    }
    // The owner got each read as the sibling described it.
    expect(asked.map((read) => read.path).sort()).toEqual([...paths].sort());
    expect(asked[0]).toEqual(readOf(asked[0]!.path));
  });

  it("turns Leaf's coded failure into the same LeafError, and anything else into 'read it yourself'", async () => {
    const { channel } = await owner(async (read) => {
      if (read.path === '/limited') throw new LeafError('RATE_LIMITED', 'The Leaf API is rate limiting this token.', { status: 429, retryAfterSeconds: 3 });
      throw new Error('a bug in the owner');
    });
    const readAt = siblingReader(channel);
    const failure = await readAt(0, readOf('/limited'), 10_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LeafError);
    expect(failure).toMatchObject({ code: 'RATE_LIMITED', message: 'The Leaf API is rate limiting this token.', details: { status: 429, retryAfterSeconds: 3 } });
    await expect(readAt(0, readOf('/other'), 10_000)).resolves.toBeNull();
  });

  it('answers null while the owner has no Leaf client yet, when no worker owns the slot, and when the owner goes away', async () => {
    const { channel, server } = await owner(null);
    const readAt = siblingReader(channel);
    await expect(readAt(0, readOf('/files/1'), 10_000)).resolves.toBeNull();
    // Nobody listens in slot 1.
    await expect(readAt(1, readOf('/files/1'), 10_000)).resolves.toBeNull();
    // An owner that never answers: the wait ends with its timeout.
    const { channel: silent } = await owner(() => new Promise<TextAnswer>(() => {}));
    await expect(siblingReader(silent)(0, readOf('/files/2'), 50)).resolves.toBeNull();
    // The owner closes while a read waits on it.
    const { channel: leaving, sockets, asked } = await owner(() => new Promise<TextAnswer>(() => {}));
    const waiting = siblingReader(leaving)(0, readOf('/files/3'), 10_000);
    await until(() => asked.length === 1, { describe: () => 'the read reaching its owner' });
    for (const socket of sockets) socket.destroy();
    await expect(waiting).resolves.toBeNull();
    expect(server.listening).toBe(true);
  });

  it("answers nothing to a connection that does not present the channel's secret", async () => {
    const { channel, asked } = await owner(async () => ({ status: 200, retryAfter: undefined, text: '{"secret":"data"}' }));
    const frame = (header: object): Buffer => {
      const text = JSON.stringify(header);
      const bytes = Buffer.alloc(8 + Buffer.byteLength(text));
      bytes.writeUInt32LE(Buffer.byteLength(text), 0);
      bytes.writeUInt32LE(0, 4);
      bytes.write(text, 8);
      return bytes;
    };
    const socket = createConnection(socketPath(channel, 0));
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write(Buffer.concat([frame({ secret: 'guessed' }), frame({ id: 0, read: readOf('/files/1') })]));
    await new Promise((done) => socket.once('close', done));
    expect(received).toEqual([]);
    expect(asked).toEqual([]);
  });
});
