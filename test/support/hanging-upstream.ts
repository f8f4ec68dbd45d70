// A Leaf that hangs: a real TCP server on port 0 that accepts connections and, while hanging,
// reads every request and never answers (the sockets are held until the client gives up or the
// server closes). While passing, it relays each connection to a real upstream (the emulator), so a
// test can watch Leaf hang and come back. It notes the request line of every request it sees.
// useHangingStack puts a gateway in front of it for a describe block.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startGateway, type Gateway } from '../../src/server/index.js';
import { gatewayClient, stackConfig, type GatewayClient } from './stack.js';

export interface SeenRequest {
  /** `GET /services/beta/api/users/…/machines?…` */
  line: string;
  /** Sent by the gateway's readiness probe (its user-agent says so), not by a GraphQL request. */
  probe: boolean;
  /** How the server treated it. */
  mode: 'hang' | 'pass';
}

export interface HangingUpstream {
  url: string;
  /** Every request seen, in arrival order. */
  readonly requests: SeenRequest[];
  /** Requests seen that were not readiness probes. */
  calls(): SeenRequest[];
  /** From now on every request is held unanswered; relayed connections are cut, so the next request opens a held one. */
  hang(): void;
  /** From now on connections are relayed to `target`; the held ones stay held. */
  pass(): void;
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP\/1\.1\r\n/;

/** `target`: the origin relayed to while passing (required for pass()). Starts hanging. */
export async function startHangingUpstream(target?: string): Promise<HangingUpstream> {
  let mode: 'hang' | 'pass' = 'hang';
  const requests: SeenRequest[] = [];
  const held = new Set<Socket>();
  const relayed = new Set<Socket>();

  // A request's head arrives in one chunk in practice (undici writes it at once); a chunk
  // that starts with a request line is a request, anything else a body.
  const note = (chunk: Buffer, as: 'hang' | 'pass'): void => {
    const text = chunk.toString('latin1');
    const match = REQUEST_LINE.exec(text);
    if (match) requests.push({ line: `${match[1]} ${match[2]}`, probe: /\r\nuser-agent: [^\r\n]*readiness/i.test(text), mode: as });
  };

  const server = createServer((socket) => {
    if (mode === 'hang') {
      held.add(socket);
      socket.on('data', (chunk: Buffer) => note(chunk, 'hang'));
      socket.on('error', () => undefined);
      socket.on('close', () => held.delete(socket));
      return;
    }
    const { hostname, port } = new URL(target!);
    const upstream = connect(Number(port), hostname);
    relayed.add(socket);
    socket.on('data', (chunk: Buffer) => {
      note(chunk, 'pass');
      upstream.write(chunk);
    });
    upstream.pipe(socket);
    const end = (): void => {
      relayed.delete(socket);
      socket.destroy();
      upstream.destroy();
    };
    for (const side of [socket, upstream]) {
      side.on('error', end);
      side.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: () => requests.filter((request) => !request.probe),
    hang() {
      mode = 'hang';
      for (const socket of relayed) socket.destroy();
    },
    pass() {
      if (!target) throw new Error('startHangingUpstream: pass() needs a target to relay to');
      mode = 'pass';
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of [...held, ...relayed]) socket.destroy();
      await closed;
    },
  };
}

/** A gateway whose Leaf can hang: the emulator behind a HangingUpstream, and a client of the gateway. */
export interface HangingStack {
  readonly emulator: Emulator;
  readonly leaf: HangingUpstream;
  readonly gateway: Gateway;
  /** Signs in with the emulator's demo token. */
  readonly client: GatewayClient;
}

/**
 * The HangingStack of a describe block: started in beforeAll (the gateway configured from STACK_ENV
 * and `env`, Leaf hanging or passing as `leafAtStart` says), closed in afterAll.
 */
export function useHangingStack(env: Record<string, string>, leafAtStart: 'hang' | 'pass'): HangingStack {
  let started: HangingStack | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0 });
    const leaf = await startHangingUpstream(emulator.url);
    if (leafAtStart === 'pass') leaf.pass();
    const gateway = await startGateway({ config: stackConfig(env), upstreamUrl: leaf.url });
    started = { emulator, leaf, gateway, client: gatewayClient(gateway.url, emulator.demoToken) };
  });
  afterAll(async () => {
    await started?.gateway.close();
    await started?.leaf.close();
    await started?.emulator.close();
  });
  const current = (): HangingStack => {
    if (!started) throw new Error('useHangingStack: started in beforeAll; use it inside a test');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get leaf() {
      return current().leaf;
    },
    get gateway() {
      return current().gateway;
    },
    get client() {
      return current().client;
    },
  };
}
