// The read-mostly run of `npm run bench -- --live`: readers in a closed loop over HTTP while
// events rename a few tracked machines, and the referee that judges every answer afterwards.
// A tracked machine's name carries its version (`bench live v7`; its seeded name is version 0),
// so an answer tells which change it shows. An answer is
// - wrong when it differs from the reference answer anywhere but the tracked machines' name and
//   updatedTime, names a version no change made (or one made after the answer arrived), or pairs
//   a name with another version's updatedTime;
// - stale when it shows a version older than the last change acknowledged before the request
//   started: a change is acknowledged when the receiver answered its signed delivery with a 2xx,
//   as the emulator timed it (Date.now(), whole milliseconds; strictly before the start, so a
//   tie never counts against anyone).
import { Pool } from 'undici';

const LIVE_NAME_PREFIX = 'bench live v';

/** The name the bench gives a tracked machine at `version`. */
export function liveName(version: number): string {
  return `${LIVE_NAME_PREFIX}${version}`;
}

/** A machine the events rename, as the run began. */
export interface TrackedMachine {
  leafId: string;
  name: string;
  updatedTime: string;
}

/** What an answer shows of one tracked machine: its index in the tracked list, version and updatedTime. */
export type Shown = [machine: number, version: number, updatedTime: string | null];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * An answer's text read for the referee: what it shows of each tracked machine (any object whose
 * `leafId` or `id` is one, as the gateway and Tailcall spell them), and the answer with those
 * names and updatedTimes blanked, which must equal the reference answer blanked the same way.
 */
export function readAnswer(text: string, tracked: readonly TrackedMachine[]): { normalized: string; shown: Shown[] } | { problem: string } {
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    return { problem: `not JSON: ${text.slice(0, 200)}` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || body.errors !== undefined || !body.data) {
    return { problem: `not a clean answer: ${text.slice(0, 300)}` };
  }
  const index = new Map(tracked.map((machine, at) => [machine.leafId, at]));
  const shown: Shown[] = [];
  let problem: string | null = null;
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const copy: { [key: string]: Json } = {};
    for (const [key, child] of Object.entries(value)) copy[key] = walk(child);
    const at = index.get(String(value.leafId ?? value.id));
    if (at !== undefined && 'name' in value) {
      const machine = tracked[at] as TrackedMachine;
      const version = value.name === machine.name ? 0 : versionOf(value.name);
      if (version === null) problem ??= `machine ${machine.leafId} is named ${JSON.stringify(value.name)}, which no change gave it`;
      else shown.push([at, version, typeof value.updatedTime === 'string' ? value.updatedTime : null]);
      copy.name = null;
      if ('updatedTime' in copy) copy.updatedTime = null;
    }
    return copy;
  };
  const normalized = JSON.stringify(walk(body));
  return problem ? { problem } : { normalized, shown };
}

function versionOf(name: Json | undefined): number | null {
  if (typeof name !== 'string' || !name.startsWith(LIVE_NAME_PREFIX)) return null;
  const version = Number(name.slice(LIVE_NAME_PREFIX.length));
  return Number.isSafeInteger(version) && version > 0 ? version : null;
}

/** One kind of read in the mix: its request body and its reference answer, blanked by readAnswer. */
export interface LiveRead {
  body: string;
  expected: string;
}

export interface LiveReadsRequest {
  kind: 'live-reads';
  /** GraphQL endpoints; connections are spread over them in turn (as a load balancer with keep-alive would). */
  urls: string[];
  token: string;
  reads: LiveRead[];
  tracked: TrackedMachine[];
  connections: number;
  seconds: number;
}

/** One answer, as the referee needs it: when its request started and its answer arrived (Date.now()), and what it showed. */
export interface ReadRecord {
  startMs: number;
  endMs: number;
  shown: Shown[];
}

export interface LiveReadsResult {
  records: ReadRecord[];
  seconds: number;
  p50: number;
  p99: number;
  /** Failed requests and answers that differ from the reference, with the first few reasons. */
  wrong: number;
  problems: string[];
}

/** The value at percentile `p` (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const MAX_PROBLEMS = 5;

/** Reads in a closed loop for `seconds`: each connection sends the mix in turn, starting at its own place in it. */
export async function runLiveReads(request: LiveReadsRequest): Promise<LiveReadsResult> {
  const perUrl = Math.ceil(request.connections / request.urls.length);
  const pools = request.urls.map((url) => ({ pool: new Pool(new URL(url).origin, { connections: perUrl }), path: new URL(url).pathname }));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${request.token}` };
  const records: ReadRecord[] = [];
  const latencies: number[] = [];
  const problems: string[] = [];
  let wrong = 0;
  const complain = (problem: string): void => {
    wrong += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const started = performance.now();
  const deadline = started + request.seconds * 1000;
  const loop = async (connection: number): Promise<void> => {
    const { pool, path } = pools[connection % pools.length] as (typeof pools)[number];
    for (let turn = connection; performance.now() < deadline; turn++) {
      const read = request.reads[turn % request.reads.length] as LiveRead;
      const startMs = Date.now();
      const sent = performance.now();
      try {
        const response = await pool.request({ path, method: 'POST', headers, body: read.body });
        const text = await response.body.text();
        const endMs = Date.now();
        latencies.push(performance.now() - sent);
        if (response.statusCode !== 200) {
          complain(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
          continue;
        }
        const answer = readAnswer(text, request.tracked);
        if ('problem' in answer) complain(answer.problem);
        else if (answer.normalized !== read.expected) complain(`an answer other than the reference: ${answer.normalized.slice(0, 300)}`);
        else records.push({ startMs, endMs, shown: answer.shown });
      } catch (error) {
        complain(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: request.connections }, (_, connection) => loop(connection)));
  } finally {
    await Promise.all(pools.map(({ pool }) => pool.close()));
  }
  return { records, seconds: (performance.now() - started) / 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), wrong, problems };
}

/** A rename the bench made: which tracked machine, to which version, when it was asked for and acknowledged. */
export interface Change {
  machine: number;
  version: number;
  /** Date.now() just before the bench asked the emulator for the change. */
  sentMs: number;
  /** The emulator's answeredAt of the receiver's 2xx to its delivery; null while (or if never) acknowledged. */
  ackMs: number | null;
  /** The machine's updatedTime after the change, as the emulator answered it. */
  updatedTime: string;
}

export interface Verdict {
  reads: number;
  stale: number;
  wrong: number;
  problems: string[];
}

/** Judges every answer against the changes (see the head of this file). */
export function judgeReads(records: readonly ReadRecord[], changes: readonly Change[], tracked: readonly TrackedMachine[]): Verdict {
  const byVersion = tracked.map(() => new Map<number, Change>());
  // Per machine, acknowledgements in time order with the newest version acknowledged so far.
  const acks = tracked.map(() => [] as { ackMs: number; newest: number }[]);
  for (const change of changes) byVersion[change.machine]?.set(change.version, change);
  for (const [machine, versions] of byVersion.entries()) {
    const acked = [...versions.values()].filter((change) => change.ackMs !== null).sort((a, b) => (a.ackMs as number) - (b.ackMs as number));
    let newest = 0;
    for (const change of acked) {
      newest = Math.max(newest, change.version);
      acks[machine]?.push({ ackMs: change.ackMs as number, newest });
    }
  }
  /** The newest version of `machine` acknowledged strictly before `ms`. */
  const acknowledgedBefore = (machine: number, ms: number): number => {
    const list = acks[machine] ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((list[middle] as { ackMs: number }).ackMs < ms) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? 0 : (list[low - 1] as { newest: number }).newest;
  };
  const verdict: Verdict = { reads: records.length, stale: 0, wrong: 0, problems: [] };
  const note = (problem: string): void => {
    if (verdict.problems.length < MAX_PROBLEMS) verdict.problems.push(problem);
  };
  for (const record of records) {
    let stale = false;
    let wrong: string | null = null;
    for (const [machine, version, updatedTime] of record.shown) {
      const original = tracked[machine] as TrackedMachine;
      const change = byVersion[machine]?.get(version);
      const expectedTime = version === 0 ? original.updatedTime : change?.updatedTime;
      if (version > 0 && (!change || change.sentMs > record.endMs)) wrong ??= `machine ${original.leafId} at version ${version} before any change made it`;
      else if (updatedTime !== null && updatedTime !== expectedTime) wrong ??= `machine ${original.leafId} at version ${version} with updatedTime ${updatedTime}, not ${expectedTime}`;
      const due = acknowledgedBefore(machine, record.startMs);
      if (version < due) {
        stale = true;
        if (!wrong) note(`a request started at ${record.startMs} showed machine ${original.leafId} at version ${version}, version ${due} having been acknowledged before`);
      }
    }
    if (wrong) {
      verdict.wrong += 1;
      note(wrong);
    } else if (stale) verdict.stale += 1;
  }
  return verdict;
}
