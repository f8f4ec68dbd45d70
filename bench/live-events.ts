// The events of `npm run bench -- --live` and what watches them: renames of tracked machines made
// at the emulator's provider (the record changes, then its signed delivery leaves), the
// observers that time each one (a poller querying the machine back to back, SSE and WebSocket
// subscribers of `leafEvents` through the graphql-sse and graphql-ws clients), and the
// read-mostly run (readers while events flow). Each takes URLs only, so test/bench.test.ts
// runs them against an in-process stack.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { Pool } from 'undici';
import WebSocket from 'ws';
import { judgeReads, liveName, readAnswer, type Change, type LiveRead, type LiveReadsRequest, type LiveReadsResult, type TrackedMachine, type Verdict } from './live-reads.js';

/** The machine a poller reads back to back (the gateway's schema). */
export const LIVE_MACHINE = /* GraphQL */ `
  query BenchLiveMachine($user: LeafId!, $id: LeafId!) {
    leafUser(id: $user) { machine(id: $id) { id leafId name updatedTime } }
  }
`;

/** What a subscriber holds open: the user's machine updates, each with the machine read fresh. */
export const LIVE_SUBSCRIPTION = /* GraphQL */ `
  subscription BenchLiveEvents($user: LeafId!) {
    leafEvents(leafUserId: $user, types: [MACHINE_UPDATED]) { type ... on MachineEvent { machineId machine { name } } }
  }
`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Delivery {
  body: string;
  status: number;
  answeredAt?: number | null;
}

/** The renames the bench makes at the emulator, over the whole run: versions only grow. */
export class Changes {
  readonly list: Change[] = [];
  private readonly sentText = new Map<Change, string>();
  private readonly versions: number[];
  private turn = 0;

  constructor(
    private readonly emulatorUrl: string,
    private readonly leafUserId: string,
    readonly tracked: readonly TrackedMachine[],
  ) {
    this.versions = tracked.map(() => 0);
  }

  /** The next machine in turn and the name its next rename gives it. */
  next(): { machine: number; leafId: string; name: string } {
    const machine = this.turn++ % this.tracked.length;
    return { machine, leafId: (this.tracked[machine] as TrackedMachine).leafId, name: liveName((this.versions[machine] as number) + 1) };
  }

  /** Renames `machine` to its next version at the provider; resolves once the emulator changed it and sent the delivery. */
  async rename(machine: number): Promise<Change> {
    const version = (this.versions[machine] as number) + 1;
    this.versions[machine] = version;
    const sentMs = Date.now();
    const response = await fetch(`${this.emulatorUrl}/__emulator/activity/machine-renamed`, {
      method: 'POST',
      body: JSON.stringify({ leafUserId: this.leafUserId, machineId: (this.tracked[machine] as TrackedMachine).leafId, name: liveName(version) }),
    });
    const answer = (await response.json()) as { machine?: { updatedTime: string }; events?: { text: string }[] };
    const text = answer.events?.[0]?.text;
    if (response.status !== 200 || !answer.machine || text === undefined) throw new Error(`The emulator refused a rename: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    const change: Change = { machine, version, sentMs, ackMs: null, updatedTime: answer.machine.updatedTime };
    this.list.push(change);
    this.sentText.set(change, text);
    return change;
  }

  /** Forgets the deliveries the emulator logged so far (their changes are settled): the next settle reads fewer. */
  async clearDeliveries(): Promise<void> {
    await fetch(`${this.emulatorUrl}/__emulator/alerts/deliveries`, { method: 'DELETE' });
  }

  /**
   * Waits until every change's delivery was answered with a 2xx and takes its acknowledgement
   * time from the emulator's log; resolves with how many were still unacknowledged at `timeoutMs`.
   */
  async settle(timeoutMs = 15_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const pending = this.list.filter((change) => change.ackMs === null);
      if (pending.length === 0) return 0;
      const deliveries = (await (await fetch(`${this.emulatorUrl}/__emulator/alerts/deliveries`)).json()) as Delivery[];
      const acked = new Map<string, number>();
      for (const delivery of deliveries) {
        if (delivery.status >= 200 && delivery.status < 300 && typeof delivery.answeredAt === 'number') acked.set(delivery.body, delivery.answeredAt);
      }
      for (const change of pending) change.ackMs = acked.get(this.sentText.get(change) ?? '') ?? null;
      if (performance.now() > deadline) return this.list.filter((change) => change.ackMs === null).length;
      await pause(50);
    }
  }
}

/** Something that notices a rename: resolves with performance.now() when it first shows `name`. */
export interface Observer {
  label: string;
  see(leafId: string, name: string, timeoutMs: number): Promise<number>;
  /** What it saw that it must not have (a subscriber's event showing the old record, an error). */
  problems: string[];
  close(): Promise<void>;
}

/** Queries the machine back to back until an answer shows the new name. */
export function poller(label: string, gatewayUrl: string, token: string, leafUserId: string): Observer {
  const pool = new Pool(gatewayUrl, { connections: 1 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return {
    label,
    problems: [],
    async see(leafId, name, timeoutMs) {
      const body = JSON.stringify({ query: LIVE_MACHINE, variables: { user: leafUserId, id: leafId } });
      const deadline = performance.now() + timeoutMs;
      let last = '';
      while (performance.now() < deadline) {
        const response = await pool.request({ path: '/graphql', method: 'POST', headers, body });
        last = await response.body.text();
        const answer = JSON.parse(last) as { data?: { leafUser?: { machine?: { name?: string } | null } | null } };
        if (answer.data?.leafUser?.machine?.name === name) return performance.now();
      }
      throw new Error(`${label} still answered ${last.slice(0, 200)} ${timeoutMs} ms after the rename to '${name}'`);
    },
    close: () => pool.close(),
  };
}

interface EventResult {
  data?: { leafEvents?: { machineId?: string; machine?: { name?: string } | null } } | null;
  errors?: readonly unknown[];
}

/** A `leafEvents` subscriber over `transport`, held open across events. */
export function subscriber(label: string, transport: 'sse' | 'ws', gatewayUrl: string, token: string, leafUserId: string): Observer {
  let waiting: { leafId: string; name: string; resolve: (at: number) => void } | null = null;
  const problems: string[] = [];
  const sink = {
    next(result: EventResult) {
      const event = result.data?.leafEvents;
      if (!event) {
        problems.push(`${label} got ${JSON.stringify(result).slice(0, 300)}`);
        return;
      }
      if (!waiting || event.machineId !== waiting.leafId) return;
      if (event.machine?.name !== waiting.name) {
        problems.push(`${label} got the event of the rename to '${waiting.name}' with the machine named ${JSON.stringify(event.machine?.name)}`);
        return;
      }
      waiting.resolve(performance.now());
      waiting = null;
    },
    error(error: unknown) {
      problems.push(`${label} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    },
    complete() {
      problems.push(`${label} ended`);
    },
  };
  const request = { query: LIVE_SUBSCRIPTION, variables: { user: leafUserId } };
  let close: () => Promise<void>;
  if (transport === 'sse') {
    const client = createSseClient({ url: `${gatewayUrl}/graphql`, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const unsubscribe = client.subscribe(request, sink);
    close = async () => {
      unsubscribe();
      client.dispose();
    };
  } else {
    const client = createWsClient({
      url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const unsubscribe = client.subscribe(request, sink);
    close = async () => {
      unsubscribe();
      await client.dispose();
    };
  }
  return {
    label,
    problems,
    see: (leafId, name, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = null;
          reject(new Error(`${label} got no event of the rename to '${name}' within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting = {
          leafId,
          name,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      }),
    close: () => close(),
  };
}

export interface LatencySamples {
  /** Per observer label: milliseconds from the rename request to the first sight of the new name. */
  samples: Map<string, number[]>;
  failures: string[];
}

/**
 * Renames the tracked machines one after another (`warmUp` first, not counted: they also prove
 * every subscriber is listening) and times, per observer, the rename → first sight of the new
 * name. Each rename waits for every observer (or `timeoutMs`), then a short random pause.
 */
export async function measureLatency(changes: Changes, observers: readonly Observer[], options: { events: number; warmUp: number; timeoutMs: number }): Promise<LatencySamples> {
  const samples = new Map(observers.map((observer) => [observer.label, [] as number[]]));
  const failures: string[] = [];
  for (let index = 0; index < options.warmUp + options.events; index++) {
    const { machine, leafId, name } = changes.next();
    const seen = observers.map((observer) => observer.see(leafId, name, options.timeoutMs));
    const renamed = performance.now();
    await changes.rename(machine);
    const results = await Promise.allSettled(seen);
    for (const [at, result] of results.entries()) {
      const label = (observers[at] as Observer).label;
      if (result.status === 'rejected') failures.push(String(result.reason instanceof Error ? result.reason.message : result.reason));
      else if (index >= options.warmUp) samples.get(label)?.push(result.value - renamed);
    }
    if (failures.length > 0 && index < options.warmUp) break;
    await pause(20 + Math.random() * 60);
  }
  failures.push(...observers.flatMap((observer) => observer.problems));
  return { samples, failures };
}

/** Each read's reference answer, blanked (readAnswer); every URL must give the same. */
export async function referenceReads(urls: readonly string[], token: string, bodies: readonly string[], tracked: readonly TrackedMachine[]): Promise<LiveRead[]> {
  const reads: LiveRead[] = [];
  for (const body of bodies) {
    let reference: string | null = null;
    for (const url of urls) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const answer = readAnswer(await response.text(), tracked);
      if ('problem' in answer) throw new Error(`${url} answered a read of the mix wrongly: ${answer.problem}`);
      if (reference !== null && reference !== answer.normalized) throw new Error(`${url} answered a read of the mix other than ${urls[0]}`);
      reference = answer.normalized;
    }
    reads.push({ body, expected: reference as string });
  }
  return reads;
}

export interface ReadMostlyOutcome {
  result: LiveReadsResult;
  verdict: Verdict;
  /** Renames made during the run, and how many of them no receiver acknowledged. */
  events: number;
  unacknowledged: number;
}

/**
 * The read-mostly run: `read` runs the readers (in the load worker, or in process for a test)
 * while a rename goes out every 1/`eventsPerSecond` s; then every answer is judged against the
 * renames and their acknowledgements.
 */
export async function readMostly(
  changes: Changes,
  read: (request: LiveReadsRequest) => Promise<LiveReadsResult>,
  request: LiveReadsRequest,
  eventsPerSecond: number,
): Promise<ReadMostlyOutcome> {
  // Earlier renames settled first: their deliveries are then no longer needed in the log.
  await changes.settle();
  await changes.clearDeliveries();
  const before = changes.list.length;
  let reading = true;
  const driving = (async () => {
    const every = 1000 / eventsPerSecond;
    for (let due = performance.now() + every / 2; reading; due += every) {
      await pause(Math.max(0, due - performance.now()));
      if (reading) await changes.rename(changes.next().machine);
    }
  })();
  const result = await read(request).finally(() => (reading = false));
  await driving;
  await changes.settle();
  const made = changes.list.slice(before);
  const verdict = judgeReads(result.records, changes.list, changes.tracked);
  return { result, verdict, events: made.length, unacknowledged: made.filter((change) => change.ackMs === null).length };
}
