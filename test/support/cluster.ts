// The gateway as `npm start` runs it with WORKERS > 1: the real process (`node --import tsx
// src/main.ts`), a cluster primary whose workers share one port. Which worker answers a
// connection is the primary's choice; an undici Client is one connection, so it keeps reaching
// the worker its first answer named (`x-gateway-worker`): connectionTo(worker) opens connections
// until one reaches that worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from 'undici';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ClusterGateway {
  child: ChildProcess;
  /** Where the workers listen, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** What the primary and its workers printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
  /** Connections opened by connectionTo, destroyed by stop. */
  opened: Client[];
  /** Kills the process (SIGKILL) if it still runs, and closes the connections. */
  stop(): Promise<void>;
}

/** Starts `src/main.ts` with `env` over the test's environment (PORT 0 on 127.0.0.1, silent logs unless given). */
export async function startClusterGateway(env: Record<string, string | undefined>): Promise<ClusterGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const opened: Client[] = [];
  const stop = async () => {
    await Promise.all(opened.map((client) => client.destroy().catch(() => undefined)));
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${output}`)), 60_000);
      child.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before it listened:\n${output}`)));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /gateway on (http:\/\/\S+?)\/graphql/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return { child, origin, output: () => output, exited, opened, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A new connection that reaches `worker` ('1' or '2'); `token` goes with the probe query that finds out. */
export async function connectionTo(gateway: ClusterGateway, worker: string, token?: string): Promise<Client> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const client = new Client(gateway.origin);
    gateway.opened.push(client);
    const response = await client.request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.body.dump();
    if (String(response.headers['x-gateway-worker']) === worker) return client;
    await client.close();
  }
  throw new Error(`no connection reached worker ${worker}`);
}
