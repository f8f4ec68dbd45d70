// WORKERS > 1: the gateway as node:cluster workers sharing one port, so it uses every core.
// The primary forks the workers and relays between them: a write through one worker drops
// every other worker's cached answers and shared in-flight reads of that Leaf user before the
// write's answer leaves, and /metrics on any worker answers for all of them (prom-client's
// AggregatorRegistry collects each worker's registry over the cluster IPC). Coalesced reads are
// shared too: each read key has one owner worker (by a hash of the key over the worker slots),
// and a sibling's identical read is sent to the owner and joins its coalescer, so WORKERS=2
// costs Leaf the calls one process would (without it, three times as many on the nested bench
// query: each worker coalesced only the half of the requests it saw, and those fell out of step).
// Those reads go worker to worker (./sibling-channel.ts), not through the primary.
import cluster, { type Address, type Worker } from 'node:cluster';
import type { Plugin } from 'graphql-yoga';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { ResponseCache } from './cache/index.js';
import type { GraphiQLTab } from './graphiql.js';
import type { EventRelay } from '../events/hub.js';
import type { LeafClient, SiblingRead, SiblingReads } from '../leaf/client.js';
import type { TextAnswer } from '../leaf/http.js';
import type { LeafClientObserver } from '../leaf/observer.js';
import { METRICS_ENDPOINT } from './observability/metrics.js';
import { executedOperation } from './observability/operation.js';
import { newChannel, serveSiblingReads, siblingReader, type ChannelSetup } from './sibling-channel.js';

/** What only the primary knows (in demo mode, the embedded emulator it started), sent to each worker. */
export interface WorkerSetup {
  upstreamUrl: string;
  /** This worker's place among the `slots` (0 … slots − 1): a restarted worker takes the dead one's. */
  slot?: number;
  slots?: number;
  /** Where the workers send each other the reads they own (made by the primary). */
  channel?: ChannelSetup;
  defaultToken: string | null;
  /** The tabs GraphiQL opens on, worked out where the emulator runs. */
  graphiqlTabs: GraphiQLTab[];
  /** LEAF_WEBHOOK_SECRET, or in demo mode the one the primary made for this run: every worker verifies deliveries with it. */
  webhookSecret: string | null;
  /** Demo mode: the gateway registers its own receiver with the primary's emulator. */
  registerOwnReceiver: boolean;
}

type Message =
  | { type: 'leaf-gateway:hello' }
  | { type: 'leaf-gateway:setup'; setup: WorkerSetup }
  | { type: 'leaf-gateway:write'; id: number; leafUserId: string; tokenHash: string | null }
  | { type: 'leaf-gateway:write-done'; id: number }
  | { type: 'leaf-gateway:sibling-write'; id: number; writer: number; leafUserId: string; tokenHash: string | null }
  | { type: 'leaf-gateway:sibling-write-done'; id: number; writer: number }
  | { type: 'leaf-gateway:event'; id: number; body: string }
  | { type: 'leaf-gateway:sibling-event'; id: number; writer: number; body: string }
  | { type: 'leaf-gateway:sibling-event-done'; id: number; writer: number }
  | { type: 'leaf-gateway:metrics'; id: number }
  | { type: 'leaf-gateway:metrics-answer'; id: number; text: string | null; contentType: string };

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && String((value as { type?: unknown }).type).startsWith('leaf-gateway:');
}

export const WORKER_HEADER = 'x-gateway-worker';
/** A sibling that takes longer than this to drop its copies does not hold up a mutation's answer (or an event's acknowledgement). */
const SIBLING_TIMEOUT_MS = 2_000;
/** How the primary replaces workers that die: see the 'exit' handler in startPrimary. */
const RESTART = { stableMs: 10_000, firstDelayMs: 1_000, maxDelayMs: 30_000 };

export const isClusterWorker = (): boolean => cluster.isWorker;

export interface Primary {
  url: string;
  /** Sends SIGTERM to every worker; resolves once all have exited. */
  close(): Promise<void>;
  /** As close: each worker drains on the SIGTERM it gets, for its own SHUTDOWN_TIMEOUT_MS; resolves to 0 (the workers log what they cut). */
  drain(timeoutMs: number): Promise<number>;
}

/**
 * Forks `count` workers (re-forking any that dies), relays write announcements and metrics
 * requests between them, and resolves with the URL once every worker listens.
 */
export function startPrimary(count: number, setup: WorkerSetup, log: (line: string) => void): Promise<Primary> {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  // A write of one worker, waiting on the siblings that have not dropped their copies yet.
  const writes = new Map<string, { writer: Worker; id: number; waiting: Set<number> }>();
  // Each live worker's slot (by worker id): a read's owner is a slot, so a restarted worker owns the dead one's reads.
  const slots = new Map<number, number>();
  const channel = newChannel();
  const settle = (key: string): void => {
    const write = writes.get(key);
    if (!write || write.waiting.size > 0) return;
    writes.delete(key);
    if (write.writer.isConnected()) write.writer.send({ type: 'leaf-gateway:write-done', id: write.id } satisfies Message);
  };

  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isMessage(message)) return;
    switch (message.type) {
      case 'leaf-gateway:hello': {
        const taken = new Set(slots.values());
        let slot = 0;
        while (taken.has(slot)) slot += 1;
        slots.set(worker.id, slot);
        worker.send({ type: 'leaf-gateway:setup', setup: { ...setup, slot, slots: count, channel } } satisfies Message);
        return;
      }
      case 'leaf-gateway:write': {
        const key = `${worker.id}:${message.id}`;
        const siblings = Object.values(cluster.workers ?? {}).filter((other): other is Worker => !!other && other !== worker && other.isConnected());
        writes.set(key, { writer: worker, id: message.id, waiting: new Set(siblings.map((sibling) => sibling.id)) });
        const relayed: Message = { type: 'leaf-gateway:sibling-write', id: message.id, writer: worker.id, leafUserId: message.leafUserId, tokenHash: message.tokenHash };
        for (const sibling of siblings) sibling.send(relayed);
        settle(key);
        return;
      }
      case 'leaf-gateway:sibling-write-done':
      case 'leaf-gateway:sibling-event-done': {
        const key = `${message.writer}:${message.id}`;
        writes.get(key)?.waiting.delete(worker.id);
        settle(key);
        return;
      }
      case 'leaf-gateway:event': {
        // A Leaf event one worker received: every other worker refreshes and delivers it too, and
        // the receiver hears back (write-done) once they have refreshed, before it acknowledges Leaf.
        const key = `${worker.id}:${message.id}`;
        const siblings = Object.values(cluster.workers ?? {}).filter((other): other is Worker => !!other && other !== worker && other.isConnected());
        writes.set(key, { writer: worker, id: message.id, waiting: new Set(siblings.map((sibling) => sibling.id)) });
        const relayed: Message = { type: 'leaf-gateway:sibling-event', id: message.id, writer: worker.id, body: message.body };
        for (const sibling of siblings) sibling.send(relayed);
        settle(key);
        return;
      }
      case 'leaf-gateway:metrics':
        aggregator.clusterMetrics().then(
          (text) => worker.send({ type: 'leaf-gateway:metrics-answer', id: message.id, text, contentType: aggregator.contentType } satisfies Message),
          () => worker.send({ type: 'leaf-gateway:metrics-answer', id: message.id, text: null, contentType: aggregator.contentType } satisfies Message),
        );
        return;
      default:
        return;
    }
  });

  // A worker that dies soon after it was forked is likely to die again the same way: each such
  // death in a row waits twice as long before the next fork (1 s, 2 s, 4 s … 30 s), so a crash
  // loop costs a fork now and then rather than a core. A worker that lived past RESTART.stableMs
  // is replaced at once, and ends the run.
  const forkedAt = new Map<number, number>();
  cluster.on('fork', (worker) => forkedAt.set(worker.id, performance.now()));
  let quickDeaths = 0;
  const restarts = new Set<NodeJS.Timeout>();
  cluster.on('exit', (worker, code, signal) => {
    // Nobody waits on a worker that is gone.
    for (const [key, write] of writes) {
      write.waiting.delete(worker.id);
      settle(key);
    }
    // Its siblings read for themselves what it was reading for them (their connections to it close).
    slots.delete(worker.id);
    const lived = performance.now() - (forkedAt.get(worker.id) ?? 0);
    forkedAt.delete(worker.id);
    if (stopping) return;
    quickDeaths = lived < RESTART.stableMs ? quickDeaths + 1 : 0;
    const delay = quickDeaths === 0 ? 0 : Math.min(RESTART.maxDelayMs, RESTART.firstDelayMs * 2 ** (quickDeaths - 1));
    const why = `Worker ${worker.id} exited (${signal ?? `code ${code}`})`;
    if (delay === 0) {
      log(`${why}; starting another.`);
      cluster.fork();
      return;
    }
    log(`${why} ${Math.round(lived)} ms after it started; starting another in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) cluster.fork();
    }, delay);
    restarts.add(timer);
  });

  return new Promise((resolve, reject) => {
    // A worker that cannot start (port taken, bad Redis) exits before listening: so does the primary.
    const early = (worker: Worker, code: number): void => reject(new Error(`worker ${worker.id} exited with code ${code} before listening`));
    cluster.once('exit', early);
    // Ready (and the banner printed) once every worker listens, so no connection made after the
    // banner finds fewer workers than WORKERS asked for.
    let listening = 0;
    const onListening = (_worker: Worker, address: Address): void => {
      listening += 1;
      if (listening < count) return;
      cluster.off('listening', onListening);
      cluster.off('exit', early);
      const host = address.address && address.address !== '0.0.0.0' && address.address !== '::' ? address.address : 'localhost';
      const close = (): Promise<void> => {
        stopping = true;
        for (const timer of restarts) clearTimeout(timer);
        restarts.clear();
        const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());
        return Promise.all(
          alive.map(
            (worker) =>
              new Promise<void>((done) => {
                worker.once('exit', () => done());
                worker.process.kill('SIGTERM');
              }),
          ),
        ).then(() => undefined);
      };
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close,
        drain: () => close().then(() => 0),
      });
    };
    cluster.on('listening', onListening);
    for (let index = 0; index < count; index++) cluster.fork();
  });
}

/** A worker's side: what it gives the gateway (observer, plugin) and what the gateway gives it (attach). */
export interface ClusterLink {
  setup: WorkerSetup;
  /** The header naming this worker on every answer (the plugin sets it on Yoga's; the fast path on its own). */
  answerHeader: { name: string; value: string };
  observer: LeafClientObserver;
  plugin: Plugin;
  /** Give to the Leaf client: its coalesced reads go to their owner worker. */
  reads: SiblingReads;
  /** Leaf events between workers: announce one received here; `onRelayed` gets the siblings'. */
  /** `onRelayed` resolves once this worker's caches are fresh for the sibling's event. */
  eventRelay(onRelayed: (body: string) => Promise<void>): EventRelay;
  attach(parts: { client: LeafClient; cache: ResponseCache | null; registry: Registry | null }): void;
}

/** FNV-1a: a cheap, stable hash that spreads read keys over the worker slots. */
function slotOf(key: string, slots: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % slots;
}

/** In a worker: asks the primary for the setup and links this worker to its siblings. */
export async function joinCluster(): Promise<ClusterLink> {
  // Which worker answered (for spotting an uneven spread, and for the tests): on Yoga's answers
  // by the plugin below, on the fast path's by the fast path.
  const answerHeader = { name: WORKER_HEADER, value: String(cluster.worker?.id ?? 0) };
  let nextId = 0;
  const waiters = new Map<number, (value: Message) => void>();
  const pendingWrites = new Set<Promise<void>>();
  let parts: Parameters<ClusterLink['attach']>[0] | null = null;
  let onSiblingEvent: ((body: string) => Promise<void>) | null = null;
  let resolveSetup: (setup: WorkerSetup) => void = () => {};
  const setupArrived = new Promise<WorkerSetup>((resolve) => (resolveSetup = resolve));

  const send = (message: Message): void => void process.send?.(message);
  /** Sends `message` (with a fresh id) and resolves with the primary's answer, or null after `timeoutMs`. */
  function ask(make: (id: number) => Message, timeoutMs: number): Promise<Message | null> {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters.delete(id);
        resolve(null);
      }, timeoutMs);
      waiters.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      send(make(id));
    });
  }

  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    switch (message.type) {
      case 'leaf-gateway:setup':
        resolveSetup(message.setup);
        return;
      case 'leaf-gateway:write-done':
      case 'leaf-gateway:metrics-answer': {
        const waiter = waiters.get(message.id);
        waiters.delete(message.id);
        waiter?.(message);
        return;
      }
      case 'leaf-gateway:sibling-event': {
        const done = (): void => send({ type: 'leaf-gateway:sibling-event-done', id: message.id, writer: message.writer });
        (onSiblingEvent?.(message.body) ?? Promise.resolve()).then(done, done);
        return;
      }
      case 'leaf-gateway:sibling-write': {
        parts?.client.detachReadsForWrite(message.leafUserId, message.tokenHash);
        const dropped = parts?.cache?.invalidateLeafUser(message.leafUserId) ?? Promise.resolve();
        const done = (): void => send({ type: 'leaf-gateway:sibling-write-done', id: message.id, writer: message.writer });
        dropped.then(done, done);
        return;
      }
      default:
        return;
    }
  });

  const observer: LeafClientObserver = {
    onWrite(leafUserId, tokenHash) {
      const relayed = ask((id) => ({ type: 'leaf-gateway:write', id, leafUserId, tokenHash }), SIBLING_TIMEOUT_MS).then(() => undefined);
      pendingWrites.add(relayed);
      void relayed.finally(() => pendingWrites.delete(relayed));
    },
  };

  const plugin: Plugin = {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT || request.method !== 'GET' || !parts?.registry) return;
      const answer = await ask((id) => ({ type: 'leaf-gateway:metrics', id }), 10_000);
      if (answer?.type === 'leaf-gateway:metrics-answer' && answer.text !== null) {
        endResponse(new fetchAPI.Response(answer.text, { headers: { 'content-type': answer.contentType } }));
      } else {
        endResponse(new fetchAPI.Response('The workers did not all answer with their metrics.', { status: 503 }));
      }
    },
    onExecute({ args }) {
      if (executedOperation(args).type !== 'mutation') return;
      return {
        // Once a client has a mutation's answer, no sibling still serves the state before it.
        async onExecuteDone() {
          await Promise.all([...pendingWrites]);
        },
      };
    },
    onResponse({ response }) {
      response.headers.set(answerHeader.name, answerHeader.value);
    },
  };

  const reads = ({ slot, slots, channel }: WorkerSetup): SiblingReads => {
    if (slot === undefined || slots === undefined || slots < 2 || !channel) return { answerOf: () => null };
    const readAt = siblingReader(channel);
    return {
      answerOf(key, read, timeoutMs) {
        const owner = slotOf(key, slots);
        return owner === slot ? null : readAt(owner, read, timeoutMs);
      },
    };
  };
  /** This worker's socket for the reads it owns: its siblings read for themselves if it cannot listen. */
  const serveReads = async ({ slot, channel }: WorkerSetup): Promise<void> => {
    if (slot === undefined || !channel) return;
    const answering = (): ((read: SiblingRead) => Promise<TextAnswer>) | null => {
      const client = parts?.client;
      return client ? (read) => client.answerSibling(read) : null;
    };
    await serveSiblingReads(channel, slot, answering).catch((error: unknown) => {
      console.error(`Worker ${answerHeader.value} cannot take its siblings' reads (${error instanceof Error ? error.message : String(error)}); they read for themselves.`);
    });
  };

  send({ type: 'leaf-gateway:hello' });
  const setup = await setupArrived;
  await serveReads(setup);
  return {
    setup,
    answerHeader,
    observer,
    plugin,
    reads: reads(setup),
    eventRelay(onRelayed) {
      onSiblingEvent = onRelayed;
      return {
        // Resolves once every sibling has refreshed (or after SIBLING_TIMEOUT_MS): the receiver acknowledges Leaf after that.
        announce: (body) => ask((id) => ({ type: 'leaf-gateway:event', id, body }), SIBLING_TIMEOUT_MS).then(() => undefined),
        close: async () => {
          onSiblingEvent = null;
        },
      };
    },
    attach(given) {
      parts = given;
      if (given.registry) {
        // The primary's clusterMetrics() asks every worker for these.
        new AggregatorRegistry();
        AggregatorRegistry.setRegistries([given.registry]);
      }
    },
  };
}
