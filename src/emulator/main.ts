// `npx tsx src/emulator/main.ts --port 5050 --scale large --latency 20`: the emulator alone.
import { parseArgs } from 'node:util';
import { ASSETS_PREFIX, OPERATIONS_PREFIX } from '../leaf/resources/resource.js';
import { ALERTS_PREFIX } from '../leaf/types.js';
import { MIN_ACTIVITY_MS, SCALES, startEmulator, type Scale } from './index.js';

const USAGE = `Usage: tsx src/emulator/main.ts [--port 5050] [--host 127.0.0.1] [--scale demo|large] [--latency ms] [--retry-scale 1] [--activity ms]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

interface CliOptions {
  port: number;
  host: string;
  scale: Scale;
  latencyMs: number;
  alertsRetryScale: number;
  activityEveryMs: number;
}

function parseCli(argv: string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        scale: { type: 'string' },
        latency: { type: 'string' },
        'retry-scale': { type: 'string' },
        activity: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values['help']) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const portText = (values['port'] as string | undefined) ?? '5050';
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) fail(`--port must be an integer from 0 to 65535, got '${portText}'`);
  const scale = (values['scale'] as string | undefined) ?? 'demo';
  if (!(SCALES as readonly string[]).includes(scale)) fail(`--scale must be one of ${SCALES.join(', ')}, got '${scale}'`);
  const latencyText = (values['latency'] as string | undefined) ?? '0';
  const latencyMs = /^\d+(\.\d+)?$/.test(latencyText) ? Number(latencyText) : Number.NaN;
  if (!Number.isFinite(latencyMs)) fail(`--latency must be a number of milliseconds >= 0, got '${latencyText}'`);
  const host = (values['host'] as string | undefined) ?? '127.0.0.1';
  if (host.trim() === '') fail('--host must not be empty');
  const scaleText = (values['retry-scale'] as string | undefined) ?? '1';
  const alertsRetryScale = /^\d+(\.\d+)?(e-?\d+)?$/.test(scaleText) ? Number(scaleText) : Number.NaN;
  if (!(alertsRetryScale > 0)) fail(`--retry-scale must be a number > 0 (1: Leaf's 1, 30, 60, 240 minutes), got '${scaleText}'`);
  const activityText = (values['activity'] as string | undefined) ?? '0';
  const activityEveryMs = /^\d+$/.test(activityText) ? Number(activityText) : Number.NaN;
  if (!(activityEveryMs === 0 || activityEveryMs >= MIN_ACTIVITY_MS)) fail(`--activity must be 0 (off) or milliseconds >= ${MIN_ACTIVITY_MS}, got '${activityText}'`);
  return { port, host, scale: scale as Scale, latencyMs, alertsRetryScale, activityEveryMs };
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const emulator = await startEmulator(options).catch((error: unknown) => {
    fail(`Could not start the emulator: ${error instanceof Error ? error.message : String(error)}`);
  });
  const firstUser = emulator.tokens[0]?.leafUserIds[0] ?? '';
  const lines = [
    `Leaf emulator listening on ${emulator.url} (scale ${options.scale}, latency ${options.latencyMs} ms)`,
    `  Assets API:     ${emulator.url}${ASSETS_PREFIX}`,
    `  Operations API: ${emulator.url}${OPERATIONS_PREFIX}`,
    `  Alerts API:     ${emulator.url}${ALERTS_PREFIX}/webhooks (retries at ${options.alertsRetryScale} × Leaf's schedule)`,
    `  Control API:    ${emulator.url}/__emulator/{health,info,calls,latency,faults,alerts,alerts/deliveries,activity}`,
    `  Activity:       POST ${emulator.url}/__emulator/activity/{machine-renamed,machine-file-processed,operation-finished}` +
      (options.activityEveryMs > 0 ? ` (switch on: every ${options.activityEveryMs} ms)` : ' (switch: PUT /__emulator/activity)'),
    'Tokens and the Leaf users they own:',
    ...emulator.tokens.map((entry) => `  ${entry.token.padEnd(12)} ${entry.leafUserIds.join(', ')}`),
    `  ${emulator.documented.token} ${emulator.documented.leafUserId} (Leaf's documented examples, verbatim)`,
    'Try:',
    `  curl -H 'Authorization: Bearer ${emulator.demoToken}' '${emulator.url}${ASSETS_PREFIX}/users/${firstUser}/machines?size=5&sort=name,asc'`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
