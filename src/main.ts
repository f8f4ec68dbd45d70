// Reads config, starts the gateway, and the embedded emulator when no upstream is configured.
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Emulator } from './emulator/index.js';
import { exampleQuery, graphiqlTabs } from './example.js';
import { graphiqlNote } from './graphiql.js';
import { startGateway } from './server.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }

  let emulator: Emulator | null = null;
  let upstreamUrl = config.upstream.url;
  let demoUserIds: string[] = [];
  if (upstreamUrl === null) {
    // Loaded only in demo mode, so production starts don't pay for seeding code.
    const { startEmulator } = await import('./emulator/index.js');
    emulator = await startEmulator({ port: config.emulator.port, scale: config.emulator.scale, latencyMs: config.emulator.latencyMs });
    upstreamUrl = emulator.url;
    const demo = emulator.tokens.find((token) => token.token === emulator?.demoToken);
    demoUserIds = demo?.leafUserIds ?? [];
    // Demo mode: requests without a token act as the emulator's demo token.
    config = { ...config, upstream: { ...config.upstream, defaultToken: config.upstream.defaultToken ?? emulator.demoToken } };
  }

  const leafUserId = demoUserIds[0] ?? '00000000-0000-4000-8000-000000000000';
  const example = exampleQuery(leafUserId);
  const tabs = graphiqlTabs(leafUserId, emulator?.demoToken ?? null);
  const gateway = await startGateway({ config, upstreamUrl, graphiqlTabs: tabs });

  const lines = [`Leaf GraphQL gateway on ${gateway.url}/graphql (${graphiqlNote(config.graphiql)})`];
  if (emulator) {
    lines.push(`Upstream: embedded Leaf emulator at ${emulator.url} (${config.emulator.scale} data; set LEAF_API_URL to use a real upstream)`);
    lines.push(`Requests without an Authorization header use the demo token "${emulator.demoToken}".`);
    lines.push(`Demo leafUserIds: ${demoUserIds.join(', ')}`);
    for (const token of emulator.tokens) lines.push(`  token ${token.token}: ${token.leafUserIds.join(', ')}`);
    lines.push(`  token ${emulator.documented.token}: ${emulator.documented.leafUserId} (Leaf's documented examples, verbatim)`);
    lines.push('', `Example query${config.graphiql ? ' (the first tab in GraphiQL)' : ''}:`, '', example);
  } else {
    lines.push(`Upstream: ${upstreamUrl}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining (up to ${config.http.shutdownTimeoutMs} ms for requests in flight)`);
    const cut = await gateway.drain(config.http.shutdownTimeoutMs);
    if (cut > 0) console.log(`${cut} request(s) still in flight after SHUTDOWN_TIMEOUT_MS were cut`);
    await emulator?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await main();
} catch (error) {
  // A start that fails (port taken, Redis unreachable, …) says why in one line, not a stack.
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`The gateway could not start: ${reason}`);
  process.exit(1);
}
