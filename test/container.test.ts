// The container as built from the Dockerfile (no Docker daemon needed): a build stage and a
// slim runtime stage with production dependencies only, running as a non-root user, with a
// HEALTHCHECK on /health. The runtime's promises are checked for real: the compiled gateway
// runs under plain node with only production packages imported, and the HEALTHCHECK command
// itself passes against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, copyFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/processes.js';
import { graphql } from './__generated__/index.js';
import { gatewayClient } from './support/stack.js';
import { until } from './support/wait.js';

const ROOT = resolve(import.meta.dirname, '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Dockerfile instructions, continuation lines joined, per stage. */
function stages(): { name: string; from: string; instructions: string[] }[] {
  const lines = dockerfile.replace(/\s*\\\n\s*/g, ' ').split('\n').map((line) => line.trim());
  const result: { name: string; from: string; instructions: string[] }[] = [];
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ from: from[1]!, name: from[2] ?? '', instructions: [] });
    else result.at(-1)?.instructions.push(line);
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Packages a module loads at run time (type-only imports vanish when compiled). */
function runtimePackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!));
}

describe('Dockerfile', () => {
  it('builds in one stage and runs from a second, slim one on the supported Node', () => {
    const [build, runtime, ...rest] = stages();
    expect(rest).toEqual([]);
    expect(build!.name).toBe('build');
    expect(runtime!.name).toBe('runtime');
    for (const stage of [build!, runtime!]) expect(stage.from).toMatch(/^node:20(\.\d+)*-\w+-slim$/);
    expect(pkg.engines.node).toMatch(/^>=20\./);
    expect(build!.instructions).toContain('RUN npm ci --no-audit --no-fund');
    expect(build!.instructions).toContain('RUN npm run build');
  });

  it('installs production dependencies only in the runtime image and copies the compiled code, not the sources', () => {
    const runtime = stages()[1]!.instructions;
    expect(runtime.some((line) => /^RUN npm ci\b.*--omit=dev/.test(line))).toBe(true);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime.some((line) => /^COPY\s+(\.\/)?src\b/.test(line))).toBe(false);
    expect(runtime).toContain('CMD ["node", "dist/main.js"]');
    expect(runtime.some((line) => /^ENV\s.*\bNODE_ENV=production\b/.test(line))).toBe(true);
  });

  it('runs as a non-root user with a HEALTHCHECK on /health', () => {
    const runtime = stages()[1]!.instructions;
    const user = runtime.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/);
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/CMD .*\/health/);
  });

  it('keeps the build context small and free of secrets', () => {
    for (const entry of ['node_modules', 'dist', '.git', '.env', 'test']) expect(dockerignore).toContain(entry);
  });
});

/** What the built image must answer: the demo user's first machines. */
const CONTAINER_MACHINES = graphql(/* GraphQL */ `
  query ContainerMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }
`);

describe('the runtime image’s code', () => {
  it('imports only production dependencies at run time', () => {
    const dependencies = new Set(Object.keys(pkg.dependencies));
    const imported = new Map<string, string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      for (const name of runtimePackages(readFileSync(file, 'utf8'))) imported.set(name, file.slice(ROOT.length + 1));
    }
    expect(imported.size).toBeGreaterThan(5);
    const missing = [...imported].filter(([name]) => !dependencies.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  describe('compiled and started the way CMD and HEALTHCHECK run it', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leaf-gateway-dist-'));
    let gateway: ChildProcess | undefined;

    afterAll(() => {
      gateway?.kill('SIGTERM');
      rmSync(outDir, { recursive: true, force: true });
    });

    it('serves /health, the HEALTHCHECK command passes, and a query answers', { timeout: 120_000 }, async () => {
      // `npm run build`'s compiler and settings, into a scratch folder laid out like /app; types
      // are checked by `npm test` already, so this run only emits.
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', join(outDir, 'dist')], ROOT, true);
      copyFileSync(join(ROOT, 'package.json'), join(outDir, 'package.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
      cpSync(join(ROOT, 'examples'), join(outDir, 'examples'), { recursive: true });

      const port = await freePort();
      const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' };
      gateway = spawn(process.execPath, ['dist/main.js'], { cwd: outDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      gateway.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      gateway.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await until(() => output.includes('Leaf GraphQL gateway on'), { timeoutMs: 15_000, intervalMs: 50, describe: () => `start-up:\n${output}\n` });

      const healthcheck = /HEALTHCHECK .*?CMD (node -e "(.*)")$/m.exec(dockerfile.replace(/\s*\\\n\s*/g, ' '));
      expect(healthcheck).not.toBeNull();
      const script = healthcheck![2]!.replace(/\\"/g, '"');
      expect(await run(process.execPath, ['-e', script], outDir, false, { ...env })).toBe(0);

      const client = gatewayClient(`http://127.0.0.1:${port}`, null);
      const body = await client.query(CONTAINER_MACHINES, { user: '11111111-1111-4111-8111-111111111111' });
      expect(body.errors).toBeUndefined();
      expect(body.data!.leafUser!.machines!.nodes).toHaveLength(2);
      // NODE_ENV=production: no GraphiQL for browsers, but a page that says so.
      const page = await client.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(404);
      const html = page.text;
      expect(html).toContain('GraphiQL is off');
      expect(html).not.toContain('renderYogaGraphiQL');

      gateway.kill('SIGTERM');
      expect(await new Promise((resolve) => gateway!.once('exit', (code) => resolve(code)))).toBe(0);
      // Once it has stopped, the same HEALTHCHECK fails.
      expect(await run(process.execPath, ['-e', script], outDir, false, { ...env })).not.toBe(0);
    });
  });
});

function run(command: string, args: string[], cwd: string, mustSucceed: boolean, env?: Record<string, string>): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (mustSucceed && code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`));
      else resolvePromise(code ?? 1);
    });
  });
}

