// Read coalescing alone (pure): waiters joining and leaving one call, join windows, detaching on
// a write, and the key a read is shared under. test/coalescing.test.ts sees it over HTTP.
import { describe, expect, it, vi } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { cancelOf, type Cancel } from '../src/leaf/cancel.js';
import { ReadCoalescer, readKey, scopeUser, type CoalesceKind } from '../src/leaf/coalesce.js';
import { readTags } from '../src/leaf/read-tags.js';

const USER = DEMO_USER_IDS.riverBend;

describe('ReadCoalescer', () => {
  const scope = { tokenHash: 'a', leafUserId: 'u1', tags: [] };

  function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  }

  it('gives one waiter’s abort to that waiter only, and stops the call when every waiter has left', async () => {
    const kinds: CoalesceKind[] = [];
    const coalescer = new ReadCoalescer((kind) => kinds.push(kind));
    const upstream = deferred<string>();
    let shared: Cancel | undefined;
    const start = (given: Cancel): Promise<string> => {
      shared = given;
      return upstream.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = coalescer.run('k', scope, start, cancelOf(first.signal));
    const b = coalescer.run('k', scope, start, cancelOf(second.signal));
    const c = coalescer.run('k', scope, start);
    expect(kinds).toEqual(['started', 'joined', 'joined']);
    first.abort(new Error('first left'));
    await expect(a).rejects.toThrow('first left');
    expect(shared!.cancelled).toBe(false);
    upstream.resolve('answer');
    await expect(b).resolves.toBe('answer');
    await expect(c).resolves.toBe('answer');
    expect(coalescer.size).toBe(0);

    const lonely = deferred<string>();
    let lonelyShared: Cancel | undefined;
    const only = new AbortController();
    const d = coalescer.run('k2', scope, (given) => {
      lonelyShared = given;
      return lonely.promise;
    }, cancelOf(only.signal));
    only.abort(new Error('gone'));
    await expect(d).rejects.toThrow('gone');
    expect(lonelyShared!.cancelled).toBe(true);
    // A cancelled call is never joined: the next caller starts afresh.
    expect(coalescer.size).toBe(0);
    lonely.reject(new Error('aborted upstream'));
  });

  it('takes no newcomer into a read older than its join window; those already waiting keep it', async () => {
    const kinds: CoalesceKind[] = [];
    const coalescer = new ReadCoalescer((kind) => kinds.push(kind), 30);
    const slow = deferred<string>();
    const fresh = deferred<string>();
    const calls = [slow, fresh];
    const start = (): Promise<string> => calls.shift()!.promise;
    const early = coalescer.run('k', scope, start);
    const joined = coalescer.run('k', scope, start);
    // The first call is now slow: a newcomer starts its own, and later ones join that.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = coalescer.run('k', scope, start);
    const later = coalescer.run('k', scope, start);
    expect(kinds).toEqual(['started', 'joined', 'started', 'joined']);
    slow.reject(new Error('The Leaf API did not answer in time.'));
    fresh.resolve('answer');
    await expect(early).rejects.toThrow('in time');
    await expect(joined).rejects.toThrow('in time');
    await expect(late).resolves.toBe('answer');
    await expect(later).resolves.toBe('answer');
    expect(coalescer.size).toBe(0);
  });

  it('detaches on a write: that user’s reads for every token, and the writer’s reads that name no user', () => {
    const kinds: CoalesceKind[] = [];
    const coalescer = new ReadCoalescer((kind) => kinds.push(kind));
    const pending = (): Promise<string> => new Promise<string>(() => undefined);
    const reads = {
      'user1-tokenA': { tokenHash: 'A', leafUserId: 'u1', tags: [] },
      'user1-tokenB': { tokenHash: 'B', leafUserId: 'u1', tags: [] },
      'user2-tokenA': { tokenHash: 'A', leafUserId: 'u2', tags: [] },
      'file-tokenA': { tokenHash: 'A', leafUserId: null, tags: [] },
      'file-tokenB': { tokenHash: 'B', leafUserId: null, tags: [] },
    };
    for (const [key, readScope] of Object.entries(reads)) void coalescer.run(key, readScope, pending);
    // Leaf user ids are UUIDs, compared whatever their case.
    coalescer.detachForWrite('U1', 'A');
    expect(coalescer.size).toBe(2);
    kinds.length = 0;
    for (const [key, readScope] of Object.entries(reads)) void coalescer.run(key, readScope, pending);
    expect(kinds).toEqual(['started', 'started', 'joined', 'started', 'joined']);
  });

  it('hands an answered read to callers that arrived before its answer only, until a write, an event or its join window drops it', async () => {
    const kinds: CoalesceKind[] = [];
    const coalescer = new ReadCoalescer((kind) => kinds.push(kind), 60);
    let calls = 0;
    const start = async (): Promise<number> => ++calls;
    const tagged = { ...scope, tags: [readTags.machine('m1')] };
    const arrived = performance.now();
    expect(await coalescer.run('k', tagged, start)).toBe(1);
    // Arrived before the answer: takes it. Arrives after it (now): reads again.
    expect(await coalescer.run('k', tagged, start, undefined, arrived)).toBe(1);
    expect(await coalescer.run('k', tagged, start)).toBe(2);
    expect(coalescer.size).toBe(0);
    const afterSecond = performance.now() - 0.001;
    coalescer.detachShowing(new Set([readTags.machine('m1')]));
    expect(await coalescer.run('k', tagged, start, undefined, afterSecond)).toBe(3);
    coalescer.detachForWrite('U1', 'a');
    expect(await coalescer.run('k', tagged, start, undefined, arrived)).toBe(4);
    // Past the join window the answer is gone, whenever the caller arrived.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await coalescer.run('k', tagged, start, undefined, arrived)).toBe(5);
    expect(kinds).toEqual(['started', 'joined', 'started', 'started', 'started', 'started']);

    // A failure is not held; an answer its reader refused is dropped (forget).
    const failing = coalescer.run('f', scope, () => Promise.reject(new Error('500')));
    await expect(failing).rejects.toThrow('500');
    expect(await coalescer.run('f', scope, start, undefined, arrived)).toBe(6);
    coalescer.forget('f', 6);
    expect(await coalescer.run('f', scope, start, undefined, arrived)).toBe(7);
  });

  it('holds an answered read a minute at most, even with no join window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const coalescer = new ReadCoalescer(() => undefined);
      let calls = 0;
      const start = async (): Promise<number> => ++calls;
      const arrived = performance.now();
      expect(await coalescer.run('k', scope, start)).toBe(1);
      vi.advanceTimersByTime(30_000);
      expect(await coalescer.run('k', scope, start, undefined, arrived)).toBe(1);
      vi.advanceTimersByTime(30_001);
      expect(await coalescer.run('k', scope, start, undefined, arrived)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with a window, hands an answer to callers arriving up to that long after it', async () => {
    const coalescer = new ReadCoalescer(() => undefined, 10_000, 50);
    let calls = 0;
    const start = async (): Promise<number> => ++calls;
    expect(await coalescer.run('k', scope, start)).toBe(1);
    expect(await coalescer.run('k', scope, start)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(await coalescer.run('k', scope, start)).toBe(2);
  });

  it('keys by method, full URL and token hash, and scopes a user whatever case a caller spelled it in', () => {
    expect(readKey('GET', 'http://leaf/x', 'A')).not.toBe(readKey('GET', 'http://leaf/x', 'B'));
    expect(readKey('GET', 'http://leaf/x?page=0', 'A')).not.toBe(readKey('GET', 'http://leaf/x?page=1', 'A'));
    expect(scopeUser(USER.toUpperCase())).toBe(scopeUser(USER));
    expect(scopeUser('a/b')).toBe('a/b');
  });
});
