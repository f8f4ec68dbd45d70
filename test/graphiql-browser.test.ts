// GraphiQL as a new user meets it: headless Chromium (Debian's `chromium`, driven by
// playwright-core, which downloads no browser) opens /graphql on the emulator with every
// request to another host blocked, finds the start-up example in the first tab, runs it, sees
// machine names, and reads a description in the docs explorer. A screenshot of each is saved
// in the test's temp folder (printed). Skipped only when no Chromium can be started, saying why.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { demoExamples, exampleOperations, exampleQuery } from '../src/server/example.js';
import { schema } from '../src/schema/index.js';
import { DEMO_USER, demoMode } from './support/demo.js';
import { useStack } from './support/stack.js';
import { until } from './support/wait.js';

const USER = DEMO_USER;

const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => Boolean(path),
);

/** Debian's Chromium, started headless, or the reason it could not be. */
async function launchChromium(): Promise<Browser | string> {
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) return `no Chromium (looked in ${CHROMIUM_PATHS.join(', ')}; .ci/run installs Debian's chromium)`;
  try {
    // As root in a container Chromium needs --no-sandbox; /dev/shm there is often tiny.
    return await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'], timeout: 30_000 });
  } catch (error) {
    return `${executablePath} did not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  }
}

const launched = await launchChromium();
const browser = typeof launched === 'string' ? null : launched;
const skipReason = browser ? null : `Browser tests skipped: ${String(launched)}`;
if (skipReason) console.warn(skipReason);
const SUITE = `GraphiQL in headless Chromium, offline${skipReason ? ` (${skipReason})` : ''}`;

/** Monaco's visible text: its lines, with the non-breaking spaces it renders as spaces. */
async function editorText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** The name of an example's operation, as GraphiQL titles its tab. */
function operationName(source: string): string | undefined {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(source)?.[1];
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

describe.skipIf(skipReason !== null)(SUITE, () => {
  let page: Page;
  const screenshots = mkdtempSync(join(tmpdir(), 'graphiql-browser-'));
  const leftTheMachine: string[] = [];
  const pageErrors: string[] = [];
  // What `npm start` composes: the emulator, its demo token for requests without one, GraphiQL
  // opened on the start-up example and the other examples, and the gateway's own receiver
  // registered with the emulator.
  const stack = useStack(demoMode());

  /** A browser tab, offline as a user without internet would be: anything not from the gateway is refused. */
  async function openTab(): Promise<Page> {
    const tab = await browser!.newPage({ viewport: { width: 1400, height: 1800 } });
    const origin = new URL(stack.gateway.url).origin;
    await tab.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      leftTheMachine.push(url);
      return route.abort('internetdisconnected');
    });
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    return tab;
  }

  /** Opens an example's GraphiQL tab by clicking it as a user does (pointer down and up, not a dispatched click event). */
  async function openExample(tab: Page, source: string): Promise<void> {
    await tab.locator('.graphiql-tab', { hasText: operationName(source) }).locator('.graphiql-tab-button').click();
    await expect.poll(async () => lines(await editorText(tab, '.graphiql-query-editor')), { timeout: 15_000 }).toEqual(lines(source));
    // GraphiQL takes in an edit (the operation Run executes) a moment after the editor shows it,
    // then writes the query into the address (Yoga's page): Run before that executes the old tab's.
    await expect.poll(() => tab.evaluate(() => new URL(location.href).searchParams.get('query')), { timeout: 15_000 }).toBe(source);
  }

  beforeAll(async () => {
    page = await openTab();
    console.log(`GraphiQL screenshots in ${screenshots}`);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
  });

  it('opens on the start-up example in the first tab, the other examples in the next, with the demo token set', async () => {
    await page.goto(`${stack.gateway.url}/graphql`);
    expect(await page.title()).toBe('Leaf GraphQL gateway');
    await page.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 30_000 });

    await expect.poll(async () => lines(await editorText(page, '.graphiql-query-editor')), { timeout: 15_000 }).toEqual(
      lines(exampleQuery(USER)),
    );
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual([exampleQuery(USER), ...demoExamples()].map(operationName));

    await page.getByRole('button', { name: 'Headers' }).click();
    await expect.poll(() => editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)')).toContain(
      `"Authorization": "Bearer ${DEMO_TOKEN}"`,
    );
  });

  it('runs the example on Run and shows the machines by name, without an error', async () => {
    const expected = await stack.query<{ leafUser: { machines: { nodes: { name: string }[] } } }>(exampleQuery(USER));
    const machineNames = expected.data!.leafUser.machines.nodes.map((machine) => machine.name);
    expect(machineNames).toHaveLength(5);

    await page.getByRole('button', { name: /^Execute query/ }).click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 15_000 }).toContain('"totalCount"');
    const shown = await editorText(page, '.graphiql-response');
    for (const name of machineNames) expect(shown).toContain(`"name": "${name}"`);
    expect(shown).not.toContain('"errors"');
    await response.screenshot({ path: join(screenshots, 'result.png') });
    await page.screenshot({ path: join(screenshots, 'graphiql.png') });
  });

  it('shows the schema descriptions in the docs explorer', async () => {
    const leafUser = schema.getQueryType()!.getFields().leafUser!;
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByText('Query', { exact: true }).first().click();
    await explorer.getByText('leafUser', { exact: true }).first().click();
    await expect.poll(() => explorer.innerText(), { timeout: 10_000 }).toContain(leafUser.description!.split('\n')[0]!);
    await page.screenshot({ path: join(screenshots, 'docs.png') });
  });

  it('shows an event in the leafEvents tab: a machine renamed at the provider arrives with its new name', async () => {
    await stack.gateway.registration;
    const watch = demoExamples().find((source) => /^subscription /m.test(source))!;
    const leafUserId = /leafUserId: "([^"]+)"/.exec(watch)![1]!;
    await openExample(page, watch);

    await page.getByRole('button', { name: /^Execute query/ }).click();
    await until(() => stack.gateway.live.subscriptions === 1, { timeoutMs: 15_000, describe: () => 'the subscription to open' });
    // What the README shows: the emulator's provider renames a machine.
    const sent = performance.now();
    const renamed = await fetch(`${stack.emulator.url}/__emulator/activity/machine-renamed`, {
      method: 'POST',
      body: JSON.stringify({ leafUserId, name: 'Renamed at the provider' }),
    });
    expect(renamed.status).toBe(200);
    const { machine } = (await renamed.json()) as { machine: { id: string } };
    // Compared without whitespace: the response pane wraps long lines, inside strings too.
    await expect.poll(async () => compact(await editorText(page, '.graphiql-response')), { timeout: 15_000 }).toContain(compact('"name": "Renamed at the provider"'));
    // A figure, not a bound (the machine is shared): how long a user waits, the page's polling included.
    console.log(`Renamed at the provider, shown in GraphiQL after ${Math.round(performance.now() - sent)} ms`);
    const shown = compact(await editorText(page, '.graphiql-response'));
    expect(shown).toContain(compact('"__typename": "MachineEvent"'));
    expect(shown).toContain(compact('"type": "MACHINE_UPDATED"'));
    expect(shown).toContain(compact(`"machineId": "${machine.id}"`));
    expect(shown).not.toContain('"errors"');
    await page.screenshot({ path: join(screenshots, 'leaf-events.png') });
  });

  it('shows the event of a rename run in GraphiQL in a second browser tab', async () => {
    const rename = demoExamples().find((source) => operationName(source) === 'RenameMachine')!;
    const newName = /name: "([^"]+)"/.exec(rename)![1]!;
    const second = await openTab();
    try {
      await second.goto(`${stack.gateway.url}/graphql`);
      await second.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 30_000 });
      await openExample(second, rename);
      await second.getByRole('button', { name: /^Execute query/ }).click();
      await expect.poll(async () => compact(await editorText(second, '.graphiql-response')), { timeout: 15_000 }).toContain(compact('"__typename": "UpdateMachineSuccess"'));

      // The first tab, still subscribed, shows the machine under its new name.
      await expect.poll(async () => compact(await editorText(page, '.graphiql-response')), { timeout: 15_000 }).toContain(compact(`"name": "${newName}"`));
      expect(compact(await editorText(page, '.graphiql-response'))).toContain(compact('"type": "MACHINE_UPDATED"'));
      expect(stack.gateway.live.subscriptions).toBe(1);
      await page.screenshot({ path: join(screenshots, 'leaf-events-renamed.png') });
    } finally {
      await second.close();
    }
  });

  it('ends the subscription at the gateway on Stop', async () => {
    expect(stack.gateway.live.subscriptions).toBe(1);
    await page.getByRole('button', { name: /^Stop query/ }).click();
    await until(() => stack.gateway.live.subscriptions === 0, { timeoutMs: 15_000, describe: () => `no open subscription (${stack.gateway.live.subscriptions})` });
    await expect(page.getByRole('button', { name: /^Execute query/ }).count()).resolves.toBe(1);
  });

  it('asked nothing of another host, and threw no error in the page', () => {
    expect(leftTheMachine).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
