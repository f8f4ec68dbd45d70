// The soak's workload: mixed reads and writes of several tokens against the gateway, each
// answer judged against a reference taken before any fault was injected. Reads never touch a
// Leaf user that writes change, so their reference stays true for the whole soak.
import { Pool } from 'undici';
import { BENCH_TOKEN, DEMO_TOKEN, DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/seed-tables.js';

const MACHINES = `query SoakMachines($user: LeafId!) {
  leafUser(id: $user) { machines(first: 10) { nodes { id leafId name serialNumber modelYear originType } pageInfo { hasNextPage } } }
}`;
const OPERATORS = `query SoakOperators($user: LeafId!) {
  leafUser(id: $user) { operators(first: 5) { nodes { id leafId name } } }
}`;
const IMPLEMENTS = `query SoakImplements($user: LeafId!) {
  leafUser(id: $user) { implements(first: 5) { nodes { id leafId name make model } } }
}`;
const MACHINE = `query SoakMachine($user: LeafId!, $id: LeafId!) {
  leafUser(id: $user) { machine(id: $id) { id leafId name serialNumber } }
}`;
const CREATE = `mutation SoakCreate($user: LeafId!, $name: String!) {
  createMachine(leafUserId: $user, input: { name: $name }) {
    __typename ... on CreateMachineSuccess { machine { id leafId name } } ... on Error { message } ... on UpstreamWriteError { upstreamStatus }
  }
}`;
const UPDATE = `mutation SoakUpdate($id: ID!, $name: String!) {
  updateMachine(id: $id, input: { name: $name }) {
    __typename ... on UpdateMachineSuccess { machine { id name } } ... on Error { message } ... on UpstreamWriteError { upstreamStatus }
  }
}`;
const DELETE = `mutation SoakDelete($id: ID!) {
  deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } ... on UpstreamWriteError { upstreamStatus } }
}`;

type ReadName = 'machines' | 'operators' | 'implements' | 'machine';
const READ_DOCUMENTS: Record<ReadName, string> = { machines: MACHINES, operators: OPERATORS, implements: IMPLEMENTS, machine: MACHINE };

/** Who asks, what it reads (a user no write touches), and where its writes go. */
interface Caller {
  token: string;
  readUser: string;
  reads: ReadName[];
  writeUser: string | null;
}

const CALLERS: Caller[] = [
  { token: DEMO_TOKEN, readUser: DEMO_USER_IDS.prairieFarms, reads: ['machines', 'operators', 'implements', 'machine'], writeUser: DEMO_USER_IDS.riverBend },
  // Its only user is written, so its machine list is not a fixed reference: one machine by id is.
  { token: OTHER_TOKEN, readUser: DEMO_USER_IDS.otherFarm, reads: ['operators', 'implements', 'machine'], writeUser: DEMO_USER_IDS.otherFarm },
  { token: BENCH_TOKEN, readUser: DEMO_USER_IDS.bench, reads: ['machines', 'operators', 'implements', 'machine'], writeUser: null },
];

export interface Tally {
  requests: number;
  /** HTTP 5xx from the gateway. */
  serverErrors: number;
  /** No HTTP answer at all (refused, reset, or nothing within the client's timeout). */
  noAnswer: number;
  /** A complete answer (no errors) that differs from the reference, or a write answering other than asked. */
  wrong: number;
  /** An answer naming a Leaf user or record only another token may see. */
  crossToken: number;
  /** An error showing an upstream body or a stack trace. */
  leaks: number;
  /** Answers refused by an open circuit. */
  circuitOpen: number;
  /** Answers with another error (the injected faults that retries could not hide). */
  affected: number;
  /** Affected answers by their first error's code, e.g. `UPSTREAM_ERROR: The Leaf API did not answer in time.` */
  affectedBy: Record<string, number>;
  latenciesMs: number[];
  /** Latencies of the answers that did not wait on a hung upstream call (no timeout, no request deadline). */
  unhungLatenciesMs: number[];
  /** A few examples of what went wrong, for the report. */
  samples: string[];
}

export function emptyTally(): Tally {
  return { requests: 0, serverErrors: 0, noAnswer: 0, wrong: 0, crossToken: 0, leaks: 0, circuitOpen: 0, affected: 0, affectedBy: {}, latenciesMs: [], unhungLatenciesMs: [], samples: [] };
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

function countAffected(tally: Tally, kind: string): void {
  // Messages may carry a retry hint in seconds; the kind is the message without its numbers.
  const key = kind.replace(/\d+/g, 'N');
  tally.affectedBy[key] = (tally.affectedBy[key] ?? 0) + 1;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const LEAK = /Injected fault|problem\+json|"stack"|\bat .*\.(?:ts|js):\d+/;
/** An answer that waited on a call Leaf never answered: a read's timeout or deadline, a write left without any answer. */
const HUNG = /did not answer (in time|within the request's deadline)|"upstreamStatus":null/;

/** The references and the UUIDs only each token may see. */
interface Reference {
  answers: Map<string, string>;
  machineIds: Map<string, string>;
  foreignIds: Map<string, Set<string>>;
}

export class SoakLoad {
  private readonly pool: Pool;
  private reference: Reference | null = null;

  constructor(
    private readonly gatewayUrl: string,
    connections: number,
    private readonly timeoutMs: number,
  ) {
    this.pool = new Pool(gatewayUrl, { connections, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  private async send(token: string, query: string, variables: Record<string, unknown>): Promise<Answer | null> {
    try {
      const response = await this.pool.request({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.body.text();
      let body: Answer['body'] = {};
      try {
        body = JSON.parse(text) as Answer['body'];
      } catch {
        body = { errors: [{ message: `unparseable answer: ${text.slice(0, 80)}` }] };
      }
      return { status: response.statusCode, body, text };
    } catch {
      return null;
    }
  }

  private static key(token: string, read: ReadName): string {
    return `${token} ${read}`;
  }

  /** Takes every read's answer once, before any fault: what the soak's answers must equal. */
  async takeReference(): Promise<void> {
    const answers = new Map<string, string>();
    const machineIds = new Map<string, string>();
    const seen = new Map<string, Set<string>>();
    for (const caller of CALLERS) {
      const list = await this.send(caller.token, MACHINES, { user: caller.readUser });
      const first = (list?.body.data?.leafUser as { machines?: { nodes?: { leafId: string }[] } } | undefined)?.machines?.nodes?.[0];
      if (!list || list.body.errors || !first) throw new Error(`No reference machine for ${caller.token}: ${list?.text.slice(0, 200)}`);
      machineIds.set(caller.token, first.leafId);
      const ids = new Set<string>([caller.readUser, ...(caller.writeUser ? [caller.writeUser] : []), ...(list.text.match(UUID) ?? [])]);
      for (const read of caller.reads) {
        const answer = await this.send(caller.token, READ_DOCUMENTS[read], this.variables(caller, read, machineIds));
        if (!answer || answer.status !== 200 || answer.body.errors) throw new Error(`Reference ${read} for ${caller.token} failed: ${answer?.text.slice(0, 200)}`);
        answers.set(SoakLoad.key(caller.token, read), JSON.stringify(answer.body.data));
        for (const id of answer.text.match(UUID) ?? []) ids.add(id.toLowerCase());
      }
      seen.set(caller.token, new Set([...ids].map((id) => id.toLowerCase())));
    }
    const foreignIds = new Map<string, Set<string>>();
    for (const caller of CALLERS) {
      const own = seen.get(caller.token)!;
      const foreign = new Set<string>();
      for (const [token, ids] of seen) if (token !== caller.token) for (const id of ids) if (!own.has(id)) foreign.add(id);
      foreignIds.set(caller.token, foreign);
    }
    this.reference = { answers, machineIds, foreignIds };
  }

  private variables(caller: Caller, read: ReadName, machineIds: Map<string, string>): Record<string, unknown> {
    return read === 'machine' ? { user: caller.readUser, id: machineIds.get(caller.token) } : { user: caller.readUser };
  }

  /** Classifies one answer; returns its data when it is complete and clean, else null. */
  private judge(tally: Tally, caller: Caller, started: number, answer: Answer | null, label: string): Answer['body']['data'] | null {
    tally.requests += 1;
    const latencyMs = performance.now() - started;
    tally.latenciesMs.push(latencyMs);
    if (!answer || !HUNG.test(answer.text)) tally.unhungLatenciesMs.push(latencyMs);
    const note = (what: string) => {
      if (tally.samples.length < 20) tally.samples.push(`${what} (${caller.token}, ${label}): ${answer?.text.slice(0, 300) ?? 'no answer'}`);
    };
    if (!answer) {
      tally.noAnswer += 1;
      note('no answer');
      return null;
    }
    if (answer.status >= 500) {
      tally.serverErrors += 1;
      note(`HTTP ${answer.status}`);
      return null;
    }
    const foreign = this.reference!.foreignIds.get(caller.token)!;
    if ((answer.text.match(UUID) ?? []).some((id) => foreign.has(id.toLowerCase()))) {
      tally.crossToken += 1;
      note('cross-token');
      return null;
    }
    if (LEAK.test(answer.text)) {
      tally.leaks += 1;
      note('leak');
      return null;
    }
    if (answer.body.errors?.length) {
      if (answer.body.errors.some((error) => /circuit open/.test(error.message))) tally.circuitOpen += 1;
      else {
        tally.affected += 1;
        const [first] = answer.body.errors;
        countAffected(tally, `${String(first?.extensions?.code ?? 'no code')}: ${first?.message ?? ''}`);
      }
      return null;
    }
    return answer.body.data ?? null;
  }

  private async read(tally: Tally, caller: Caller, read: ReadName): Promise<void> {
    const started = performance.now();
    const answer = await this.send(caller.token, READ_DOCUMENTS[read], this.variables(caller, read, this.reference!.machineIds));
    const data = this.judge(tally, caller, started, answer, read);
    if (data && JSON.stringify(data) !== this.reference!.answers.get(SoakLoad.key(caller.token, read))) {
      tally.wrong += 1;
      if (tally.samples.length < 20) tally.samples.push(`wrong (${caller.token}, ${read}): ${answer!.text.slice(0, 300)}`);
    }
  }

  /** A typed mutation error (UpstreamWriteError, RateLimitedError, ...) is a fault's mark, not a wrong answer. */
  private payload(tally: Tally, data: Answer['body']['data'] | null, field: string, success: string): Record<string, unknown> | null {
    const result = data?.[field] as { __typename?: string } | undefined;
    if (!result) return null;
    if (result.__typename === success) return result as Record<string, unknown>;
    tally.affected += 1;
    countAffected(tally, `${result.__typename ?? 'no type'} (mutation result)`);
    return null;
  }

  private async writeCycle(tally: Tally, caller: Caller, user: string, name: string): Promise<void> {
    const wrong = (what: string, text: string) => {
      tally.wrong += 1;
      if (tally.samples.length < 20) tally.samples.push(`wrong ${what} (${caller.token}): ${text.slice(0, 300)}`);
    };
    let started = performance.now();
    let answer = await this.send(caller.token, CREATE, { user, name });
    const created = this.payload(tally, this.judge(tally, caller, started, answer, 'create'), 'createMachine', 'CreateMachineSuccess');
    if (!created) return;
    const machine = created.machine as { id: string; leafId: string; name: string };
    if (machine.name !== name) return wrong('create', answer!.text);

    started = performance.now();
    answer = await this.send(caller.token, UPDATE, { id: machine.id, name: `${name}-renamed` });
    const updated = this.payload(tally, this.judge(tally, caller, started, answer, 'update'), 'updateMachine', 'UpdateMachineSuccess');
    if (updated && (updated.machine as { name: string }).name !== `${name}-renamed`) wrong('update', answer!.text);

    started = performance.now();
    answer = await this.send(caller.token, DELETE, { id: machine.id });
    const deleted = this.payload(tally, this.judge(tally, caller, started, answer, 'delete'), 'deleteMachine', 'DeleteMachineSuccess');
    if (deleted && deleted.deletedId !== machine.id && deleted.deletedId !== machine.leafId) wrong('delete', answer!.text);
  }

  /** One lane: a caller and an operation at random (about one in eight a write cycle) until `deadline`. */
  async lane(tally: Tally, lane: number, deadline: number): Promise<void> {
    if (!this.reference) throw new Error('takeReference() first');
    for (let round = 0; performance.now() < deadline; round += 1) {
      const caller = CALLERS[Math.floor(Math.random() * CALLERS.length)]!;
      if (caller.writeUser && Math.random() < 0.125) await this.writeCycle(tally, caller, caller.writeUser, `soak-${lane}-${round}`);
      else await this.read(tally, caller, caller.reads[Math.floor(Math.random() * caller.reads.length)]!);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
