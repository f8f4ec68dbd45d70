// Reads config, starts the gateway, and the embedded emulator when no upstream is configured.
// With WORKERS > 1 this process is the cluster primary and the gateways run in its workers.
import { randomBytes } from 'node:crypto';
import { isClusterWorker, joinCluster, startPrimary, type ClusterLink } from './server/cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Emulator } from './emulator/index.js';
import { exampleQuery, graphiqlTabs } from './server/example.js';
import { graphiqlNote } from './server/graphiql.js';
import { startGateway } from './server/index.js';

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
  // A worker takes from the primary what only the primary knows (the emulator it started).
  const link: ClusterLink | null = isClusterWorker() ? await joinCluster() : null;
  if (link) {
    upstreamUrl = link.setup.upstreamUrl;
    config = {
      ...config,
      upstream: { ...config.upstream, defaultToken: link.setup.defaultToken },
      events: { ...config.events, webhookSecret: link.setup.webhookSecret },
    };
  } else if (upstreamUrl === null) {
    // Loaded only in demo mode, so production starts don't pay for seeding code.
    const { startEmulator } = await import('./emulator/index.js');
    const { port, scale, latencyMs, alertsRetryScale, activityMs } = config.emulator;
    emulator = await startEmulator({ port, scale, latencyMs, alertsRetryScale, activityEveryMs: activityMs });
    upstreamUrl = emulator.url;
    const demo = emulator.tokens.find((token) => token.token === emulator?.demoToken);
    demoUserIds = demo?.leafUserIds ?? [];
    // Demo mode: requests without a token act as the emulator's demo token.
    config = { ...config, upstream: { ...config.upstream, defaultToken: config.upstream.defaultToken ?? emulator.demoToken } };
    // Demo mode: the gateway registers its own receiver with the emulator, under a secret of this run.
    config = { ...config, events: { ...config.events, webhookSecret: config.events.webhookSecret ?? randomBytes(24).toString('base64url') } };
  }

  const leafUserId = demoUserIds[0] ?? '00000000-0000-4000-8000-000000000000';
  const example = exampleQuery(leafUserId);
  const tabs = link?.setup.graphiqlTabs ?? graphiqlTabs(leafUserId, emulator?.demoToken ?? null);
  const gateway =
    config.workers > 1 && !link
      ? await startPrimary(
          config.workers,
          { upstreamUrl, defaultToken: config.upstream.defaultToken, graphiqlTabs: tabs, webhookSecret: config.events.webhookSecret, registerOwnReceiver: emulator !== null },
          console.log,
        )
      : await startGateway({ config, upstreamUrl, graphiqlTabs: tabs, registerOwnReceiver: link?.setup.registerOwnReceiver ?? emulator !== null, ...(link ? { cluster: link } : {}) });

  const lines = [`Leaf GraphQL gateway on ${gateway.url}/graphql (${graphiqlNote(config.graphiql)})`];
  if (config.workers > 1) lines.push(`Served by ${config.workers} worker processes (WORKERS; node:cluster).`);
  if (emulator) {
    lines.push(`Upstream: embedded Leaf emulator at ${emulator.url} (${config.emulator.scale} data; set LEAF_API_URL to use a real upstream)`);
    lines.push(`Requests without an Authorization header use the demo token "${emulator.demoToken}".`);
    lines.push(`Demo leafUserIds: ${demoUserIds.join(', ')}`);
    for (const token of emulator.tokens) lines.push(`  token ${token.token}: ${token.leafUserIds.join(', ')}`);
    lines.push(`  token ${emulator.documented.token}: ${emulator.documented.leafUserId} (Leaf's documented examples, verbatim)`);
    const { activityMs } = config.emulator;
    lines.push(
      `Simulated provider activity ${activityMs > 0 ? `every ${activityMs} ms` : 'off (EMULATOR_ACTIVITY_MS=5000 turns it on)'}; ` +
        `one event at a time: POST ${emulator.url}/__emulator/activity/machine-renamed (docs/emulator-alerts.md).`,
    );
    if (config.graphiql) lines.push("GraphiQL's WatchLeafEvents tab shows Leaf's events as they arrive (docs/live-data.md#seeing-an-event-in-the-demo).");
    lines.push('', `Example query${config.graphiql ? ' (the first tab in GraphiQL)' : ''}:`, '', example);
  } else {
    lines.push(`Upstream: ${upstreamUrl}`);
  }
  if (!link) console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining (up to ${config.http.shutdownTimeoutMs} ms for requests in flight)`);
    // A cluster primary's workers each drain on the SIGTERM it sends them.
    const cut = await gateway.drain(config.http.shutdownTimeoutMs);
    if (cut > 0) console.log(`${cut} request(s) still in flight after SHUTDOWN_TIMEOUT_MS were cut`);
    await emulator?.close();
    process.exit(0);
  };
  // A worker stops when the primary tells it to (SIGTERM) or is gone; a terminal's Ctrl-C reaches the primary too.
  process.on('SIGINT', () => void (link ? undefined : stop('SIGINT')));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (link) process.on('disconnect', () => void stop('disconnect'));
}

try {
  await main();
} catch (error) {
  // A start that fails (port taken, Redis unreachable, …) says why in one line, not a stack.
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`The gateway could not start: ${reason}`);
  process.exit(1);
}
