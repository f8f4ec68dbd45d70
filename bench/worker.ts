// The load generators, each in a process of its own (forked by bench/run.ts): autocannon
// against the gateway, a closed loop of the direct REST client, or the live run's readers
// (bench/live-reads.ts). Both record latency in
// the same integer-millisecond HDR histogram autocannon uses, so their percentiles compare.
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';
import { DirectClient, type DirectInput } from './direct.js';
import { runLiveReads, type LiveReadsRequest, type LiveReadsResult } from './live-reads.js';
import type { QueryName } from './queries.js';

export interface LoadResult {
  completed: number;
  /** Requests sent, including any still unanswered when the phase ended (the gateway finishes them). */
  sent: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, transport errors, timeouts, and answers that differ from the expected body. */
  failures: number;
}

export type WorkerRequest =
  | {
      kind: 'autocannon';
      url: string;
      token: string;
      /** Request bodies, sent in turn on each connection. */
      bodies: string[];
      /** Every answer must equal this (one body only); an answer that differs counts as a failure. */
      expectBody?: string;
      connections: number;
      seconds: number;
    }
  | {
      kind: 'direct';
      origin: string;
      token: string;
      pool: number;
      query: QueryName;
      input: DirectInput;
      connections: number;
      seconds: number;
    }
  | LiveReadsRequest;

/** What a worker answers to `R`. */
export type WorkerResult<R extends WorkerRequest> = R extends LiveReadsRequest ? LiveReadsResult : LoadResult;

function latencyHistogram() {
  // autocannon's own latency histogram settings (lib/histUtil.js).
  return hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10_000,
    numberOfSignificantValueDigits: 5,
  });
}

async function runAutocannon(request: Extract<WorkerRequest, { kind: 'autocannon' }>): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
    // autocannon refuses expectBody together with a list of requests.
    ...(request.bodies.length === 1 ? { body: request.bodies[0] } : { requests: request.bodies.map((body) => ({ body })) }),
    ...(request.expectBody === undefined ? {} : { expectBody: request.expectBody }),
    connections: request.connections,
    // Duration, not an amount: autocannon checks amounts only on its one-second tick.
    duration: request.seconds,
  });
  return {
    completed: result['2xx'] - result.mismatches,
    sent: result.requests.sent,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.mismatches,
  };
}

let direct: { key: string; client: DirectClient } | null = null;

async function runDirect(request: Extract<WorkerRequest, { kind: 'direct' }>): Promise<LoadResult> {
  const key = `${request.origin}|${request.pool}|${request.token}`;
  if (direct?.key !== key) {
    await direct?.client.close();
    direct = { key, client: new DirectClient(request.origin, request.pool, request.token) };
  }
  const client = direct.client;
  const histogram = latencyHistogram();
  let completed = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + request.seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        await client.run(request.query, request.input);
        histogram.recordValue(performance.now() - sent);
        completed++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: request.connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  const result = { completed, sent: completed + failures, seconds, p50: histogram.getValueAtPercentile(50), p99: histogram.getValueAtPercentile(99), failures };
  histogram.destroy();
  return result;
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  const { id, request } = message;
  const work = request.kind === 'autocannon' ? runAutocannon(request) : request.kind === 'direct' ? runDirect(request) : runLiveReads(request);
  work.then(
    (result) => process.send?.({ id, result }),
    (error: unknown) => process.send?.({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});

process.on('disconnect', () => {
  void direct?.client.close().finally(() => process.exit(0));
  if (!direct) process.exit(0);
});
