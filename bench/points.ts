// `npm run bench:points`: a client walks the 500,000-point file of the large scale in pages of
// 1,000 through the gateway (each in its own process), as a yield map loads, after counting
// them once (totalCount: one read through the file); the figures are points per second, page
// latency, CPU per page of the gateway and the emulator, and the gateway's memory while paging.
// Every page is checked against the emulator's own points (its size, and points sampled across
// it compared field by field), so a wrong answer fails the run. Written to bench/results/points.*.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pointsOf } from '../src/emulator/points.js';
import { seedStore } from '../src/emulator/seed.js';
import { post } from './reference.js';
import { cpuMs, freePort, peakRssMb, startEmulatorProcess, startGatewayProcess } from './processes.js';

const USAGE = `Usage: npm run bench:points -- [--page 1000] [--pages n (default: the whole file)] [--latency ms (default 20)]
  [--old-space mb (the gateway's V8 old-space cap, default 256: the walk must fit in it)] [--out bench/results]
  [--cpu-prof dir (writes the gateway's V8 CPU profile of the whole run there)]`;

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


interface MapPoint {
  timestamp: string;
  geometry: unknown;
  recordingStatus: string;
  wetMassPerArea: { value: number; unit: string } | null;
}

interface PointsPage {
  file: { points: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: MapPoint[] } };
}

/** Points checked per page: both ends and some between, field by field. */
const CHECKED_PER_PAGE = 8;

/** Throws unless the page holds the file's points [offset, offset + size) as the emulator makes them. */
function checkPage(page: PointsPage['file']['points'], offset: number, expected: { count: number; at(index: number): Record<string, unknown> }, pageSize: number, unit: string): void {
  const size = Math.min(pageSize, expected.count - offset);
  const fail = (what: string): never => {
    throw new Error(`Wrong answer for points [${offset}, ${offset + pageSize}): ${what}`);
  };
  if (page.nodes.length !== size) fail(`${page.nodes.length} points, expected ${size}`);
  if (page.pageInfo.hasNextPage !== offset + size < expected.count) fail(`hasNextPage ${page.pageInfo.hasNextPage}`);
  for (let probe = 0; probe < Math.min(CHECKED_PER_PAGE, size); probe++) {
    const index = probe === 0 ? 0 : Math.round((probe * (size - 1)) / (CHECKED_PER_PAGE - 1));
    const leaf = expected.at(offset + index) as { geometry: unknown; properties: Record<string, unknown> };
    const want: MapPoint = {
      timestamp: leaf.properties.timestamp as string,
      geometry: leaf.geometry,
      recordingStatus: leaf.properties.recordingStatus as string,
      wetMassPerArea: { value: leaf.properties.wetMassPerArea as number, unit },
    };
    const got = page.nodes[index];
    const { timestamp, geometry, recordingStatus, wetMassPerArea } = got ?? ({} as MapPoint);
    if (JSON.stringify({ timestamp, geometry, recordingStatus, wetMassPerArea }) !== JSON.stringify(want)) {
      fail(`point ${offset + index} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'cpu-prof': { type: 'string' }, 'old-space': { type: 'string' }, page: { type: 'string' }, pages: { type: 'string' }, latency: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const pageSize = Number(values.page ?? 1000);
  const maxPages = values.pages === undefined ? Infinity : Number(values.pages);
  const latencyMs = Number(values.latency ?? 20);
  const out = values.out ?? 'bench/results';
  const oldSpaceMb = Number(values['old-space'] ?? 256);
  const profile = values['cpu-prof'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`];

  const store = seedStore('large');
  const [fileId, count] = [...store.pointCounts.entries()][0] ?? [];
  const file = fileId ? store.files.get(fileId) : undefined;
  if (!fileId || !count || !file?.summary) throw new Error('the large scale has no large points file');
  const expected = pointsOf(store, file);
  const unitOf = file.summary.properties.wetMassPerArea as { unit?: string } | undefined;
  const unit = unitOf?.unit ?? 'lb/ac';
  const emulator = await startEmulatorProcess(latencyMs, await freePort());
  // A capped heap shows the walk's memory is bounded: holding the file would fail it (and the
  // RSS figures are not just V8 putting off collections).
  const gateway = await startGatewayProcess(
    emulator.url,
    // The cold count reads the whole file in one request: on a busy machine that can outlast the
    // default deadline (15 s), which is not what this measures.
    { RESPONSE_CACHE: 'false', REQUEST_DEADLINE_MS: '300000', NODE_OPTIONS: `--max-semi-space-size=64 --max-old-space-size=${oldSpaceMb}` },
    'src/main.ts',
    profile,
  );
  try {
    const rssAtStart = rssMb(gateway.pid);
    // Cold: one read through the whole file (the stream and the parser, no GraphQL per point).
    const countStarted = performance.now();
    const counted = (await post<{ file: { points: { totalCount: number } } }>(gateway, CountPoints, { id: fileId })).data;
    const countMs = performance.now() - countStarted;
    if (counted.file.points.totalCount !== count) throw new Error(`Wrong answer: totalCount ${counted.file.points.totalCount}, expected ${count}`);
    const samples: { page: number; points: number; rssMb: number }[] = [];
    let after: string | null = null;
    let points = 0;
    let pages = 0;
    const started = performance.now();
    let firstPageMs = 0;
    const pageMs: number[] = [];
    const cpuAtStart = { gateway: cpuMs(gateway.pid), emulator: cpuMs(emulator.pid) };
    for (;;) {
      const pageStarted = performance.now();
      const data: PointsPage = (await post<PointsPage>(gateway, MapPage, { id: fileId, first: pageSize, after })).data;
      pageMs.push(performance.now() - pageStarted);
      if (pages === 0) firstPageMs = pageMs[0]!;
      checkPage(data.file.points, points, expected, pageSize, unit);
      points += data.file.points.nodes.length;
      pages += 1;
      if (pages === 1 || pages % 50 === 0) samples.push({ page: pages, points, rssMb: Math.round(rssMb(gateway.pid)) });
      if (!data.file.points.pageInfo.hasNextPage || pages >= maxPages) break;
      after = data.file.points.pageInfo.endCursor;
    }
    const walkMs = performance.now() - started;
    const cpuPerPage = (pid: number, atStart: number): number => Math.round((10 * (cpuMs(pid) - atStart)) / pages) / 10;
    const cpu = { gatewayMsPerPage: cpuPerPage(gateway.pid, cpuAtStart.gateway), emulatorMsPerPage: cpuPerPage(emulator.pid, cpuAtStart.emulator) };
    const sortedMs = [...pageMs].sort((a, b) => a - b);
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
      pageMsP50: Math.round(percentile(sortedMs, 0.5)),
      pageMsP99: Math.round(percentile(sortedMs, 0.99)),
      cpu,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
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
      `| page p50 / p99 | ${results.pageMsP50} ms / ${results.pageMsP99} ms |`,
      `| CPU per page: gateway / emulator | ${cpu.gatewayMsPerPage} ms / ${cpu.emulatorMsPerPage} ms |`,
      `| load average (1, 5, 15 min) at the end | ${results.loadAverage.join(', ')} |`,
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
