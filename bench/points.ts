// `npm run bench:points`: a client walks the 500,000-point file of the large scale in pages of
// 1,000 through the gateway (each in its own process), as a yield map loads, after counting
// them once (totalCount: one read through the file); the figures are points per second and
// the gateway's memory while paging. Written to bench/results/points.*.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedStore } from '../src/emulator/seed.js';
import { post } from './reference.js';
import { freePort, peakRssMb, startEmulatorProcess, startGatewayProcess, type Server } from './processes.js';

const USAGE = `Usage: npm run bench:points -- [--page 1000] [--pages n (default: the whole file)] [--latency ms (default 20)]
  [--old-space mb (the gateway's V8 old-space cap, default 256: the walk must fit in it)] [--out bench/results]`;

const MapPage = `
  query MapPage($id: LeafId!, $first: Int!, $after: String) {
    file(id: $id) {
      points(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value unit } } }
      }
    }
  }
`;

const CountPoints = `query CountPoints($id: LeafId!) { file(id: $id) { points(first: 0) { totalCount } } }`;

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}


interface PointsPage {
  file: { points: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'old-space': { type: 'string' }, page: { type: 'string' }, pages: { type: 'string' }, latency: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const pageSize = Number(values.page ?? 1000);
  const maxPages = values.pages === undefined ? Infinity : Number(values.pages);
  const latencyMs = Number(values.latency ?? 20);
  const out = values.out ?? 'bench/results';
  const oldSpaceMb = Number(values['old-space'] ?? 256);

  const [fileId, count] = [...seedStore('large').pointCounts.entries()][0] ?? [];
  if (!fileId || !count) throw new Error('the large scale has no large points file');
  const emulator = await startEmulatorProcess(latencyMs, await freePort());
  // A capped heap shows the walk's memory is bounded: holding the file would fail it (and the
  // RSS figures are not just V8 putting off collections).
  const gateway = await startGatewayProcess(
    emulator.url,
    { RESPONSE_CACHE: 'false', NODE_OPTIONS: `--max-semi-space-size=64 --max-old-space-size=${oldSpaceMb}` },
    'src/main.ts',
  );
  try {
    const rssAtStart = rssMb(gateway.pid);
    // Cold: one read through the whole file (the stream and the parser, no GraphQL per point).
    const countStarted = performance.now();
    const counted = (await post<{ file: { points: { totalCount: number } } }>(gateway, CountPoints, { id: fileId })).data;
    const countMs = performance.now() - countStarted;
    const samples: { page: number; points: number; rssMb: number }[] = [];
    let after: string | null = null;
    let points = 0;
    let pages = 0;
    const started = performance.now();
    let firstPageMs = 0;
    for (;;) {
      const pageStarted = performance.now();
      const data: PointsPage = (await post<PointsPage>(gateway, MapPage, { id: fileId, first: pageSize, after })).data;
      if (pages === 0) firstPageMs = performance.now() - pageStarted;
      points += data.file.points.nodes.length;
      pages += 1;
      if (pages === 1 || pages % 50 === 0) samples.push({ page: pages, points, rssMb: Math.round(rssMb(gateway.pid)) });
      if (!data.file.points.pageInfo.hasNextPage || pages >= maxPages) break;
      after = data.file.points.pageInfo.endCursor;
    }
    const walkMs = performance.now() - started;
    samples.push({ page: pages, points, rssMb: Math.round(rssMb(gateway.pid)) });
    const results = {
      date: new Date().toISOString(),
      note: 'Taken on a shared 2-core machine with other work running: noisy, compare orders of magnitude only.',
      fileId,
      filePoints: count,
      pageSize,
      latencyMs,
      oldSpaceMb,
      pages,
      points,
      walkSeconds: Math.round(walkMs) / 1000,
      pointsPerSecond: Math.round(points / (walkMs / 1000)),
      firstPageMs: Math.round(firstPageMs),
      meanPageMs: Math.round(walkMs / pages),
      totalCount: counted.file.points.totalCount,
      countSeconds: Math.round(countMs) / 1000,
      gatewayRssMb: { atStart: Math.round(rssAtStart), peak: Math.round(peakRssMb(gateway.pid)), samples },
    };
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/points.json`, `${JSON.stringify(results, null, 2)}\n`);
    const table = [
      `# Points benchmark (${results.date})`,
      '',
      results.note,
      '',
      `A ${count.toLocaleString('en')}-point harvest walked in pages of ${pageSize} (emulator latency ${latencyMs} ms), gateway run with tsx and a V8 old space capped at ${oldSpaceMb} MB.`,
      '',
      '| figure | value |',
      '| --- | --- |',
      `| points read | ${points.toLocaleString('en')} in ${pages} pages |`,
      `| walk | ${results.walkSeconds} s, ${results.pointsPerSecond.toLocaleString('en')} points/s |`,
      `| first page / mean page | ${results.firstPageMs} ms / ${results.meanPageMs} ms |`,
      `| totalCount, cold (one read through) | ${results.totalCount.toLocaleString('en')} in ${results.countSeconds} s, ${Math.round(results.totalCount / results.countSeconds).toLocaleString('en')} points/s |`,
      `| gateway RSS at start / peak | ${results.gatewayRssMb.atStart} MB / ${results.gatewayRssMb.peak} MB |`,
      `| gateway RSS by page | ${samples.map((sample) => `${sample.page}: ${sample.rssMb} MB`).join(', ')} |`,
      '',
    ].join('\n');
    writeFileSync(`${out}/points.md`, table);
    console.log(table);
  } finally {
    await gateway.stop();
    await emulator.stop();
  }
}

await main();
