// `npm run soak`, run briefly: it starts the emulator and the gateway as processes, injects
// faults, judges every answer and writes its figures. The five-minute figures are in docs/operations.md;
// here only that the harness works and exits 0 on a healthy gateway. Its arithmetic is pure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { percentile, slopePerMinute } from '../bench/soak-stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('soak arithmetic', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('fits a slope per minute, flat for a sawtooth around a level', () => {
    expect(slopePerMinute([[0, 100], [60, 160]])).toBeCloseTo(60);
    const sawtooth = Array.from({ length: 600 }, (_, second) => [second, 150 + (second % 20)] as const);
    expect(Math.abs(slopePerMinute(sawtooth))).toBeLessThan(0.1);
    expect(slopePerMinute([[5, 1]])).toBe(0);
  });
});

describe('npm run soak', () => {
  it('runs a short soak with faults and passes on a healthy gateway', async () => {
    const out = mkdtempSync(join(tmpdir(), 'soak-'));
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'bench/soak.ts', '--duration', '2', '--connections', '4', '--faults', '20', '--entry', 'src/main.ts', '--out', out],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, output).toBe(0);
      const figures = JSON.parse(readFileSync(join(out, 'soak-latest.json'), 'utf8')) as Record<string, number>;
      expect(figures.requests).toBeGreaterThan(0);
      expect(figures).toMatchObject({ crashes: 0, serverErrors: 0, noAnswer: 0, wrong: 0, crossToken: 0, leaks: 0, drainExitCode: 0 });
      expect(readFileSync(join(out, 'soak-latest.md'), 'utf8')).toMatch(/\| Wrong answers \| 0 \|/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
