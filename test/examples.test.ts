// The example operations are what new users paste first: each must run on the emulator as
// written, without errors, and return data (a subscription: an event, over SSE, once the example
// that makes one has run); and the README and the guides show them as they are.
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/emulator/index.js';
import { exampleOperations, exampleQuery } from '../src/server/example.js';
import { DEMO_USER, demoMode } from './support/demo.js';
import { useStack } from './support/stack.js';
import { subscribeSse } from './support/subscriptions.js';
import { until } from './support/wait.js';

const examples = exampleOperations();
// The start-up example takes its Leaf user as a variable: it runs with the demo user written in.
const blocks = examples.map(({ source }, index) => (index === 0 ? exampleQuery(DEMO_USER) : source));

const DOCS = [new URL('../README.md', import.meta.url), ...readdirSync(new URL('../docs/', import.meta.url)).filter((name) => name.endsWith('.md')).map((name) => new URL(`../docs/${name}`, import.meta.url))];
const shown = DOCS.flatMap((doc) => [...readFileSync(doc, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({ doc: doc.pathname, source: match[1] ?? '' })));

function nameOf(source: string): string {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(source)?.[1] ?? source.slice(0, 40);
}

function isSubscription(source: string): boolean {
  const [definition] = parse(source).definitions;
  return definition?.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
}

const subscriptions = blocks.filter(isSubscription);

/** True when some leaf of the answer carries a value: an example that returns only nulls shows nothing. */
function hasValues(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasValues);
  if (typeof value === 'object') return Object.values(value).some(hasValues);
  return true;
}

describe('example operations', () => {
  // As `npm start` runs: the gateway's receiver registered with the emulator, so its writes reach subscribers.
  const stack = useStack(demoMode());

  it('has the three query examples issue 3 asks for', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('shows in the README and docs only the examples, as written, and every example after the start-up one', () => {
    const texts = new Set(examples.map(({ source }) => source));
    expect(shown.filter(({ source }) => !texts.has(source)).map(({ doc, source }) => `${doc}: ${nameOf(source)}`)).toEqual([]);
    const documented = new Set(shown.map(({ source }) => source));
    expect(examples.slice(1).filter(({ source }) => !documented.has(source)).map(({ file }) => file)).toEqual([]);
  });

  it('names each operation differently, so GraphiQL tabs and logs tell them apart', () => {
    const names = blocks.map(nameOf);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has a leafEvents subscription, for the demo to show an event arriving', () => {
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]).toMatch(/^\s*leafEvents\(/m);
  });

  it.each(blocks.filter((source) => !isSubscription(source)).map((source) => [nameOf(source), source] as const))('%s runs on the emulator', async (_name, source) => {
    // A block may name the token it is meant for (`# token: ...`), e.g. the documented examples'.
    const token = /^# token: (\S+)$/m.exec(source)?.[1];
    const response = await stack.query(source, undefined, token ? { token } : {});
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(hasValues(response.data)).toBe(true);
    for (const value of Object.values(response.data ?? {})) expect(value).not.toBeNull();
  });

  it.each(subscriptions.map((source) => [nameOf(source), source] as const))(
    '%s delivers over SSE the event of the rename example, with the machine read as it is now',
    async (_name, source) => {
      await stack.gateway.registration;
      const rename = blocks.find((block) => nameOf(block) === 'RenameMachine')!;
      const subscriber = subscribeSse(stack.gateway.url, DEMO_TOKEN, source, {});
      try {
        await until(() => stack.gateway.live.subscriptions === 1 || subscriber.done, { describe: () => `the subscription to open (got ${JSON.stringify(subscriber.received)})` });
        const renamed = await stack.query<{ updateMachine: { machine: { name: string } } }>(rename);
        expect(renamed.errors).toBeUndefined();
        const { name } = renamed.data!.updateMachine.machine;
        await subscriber.waitFor(1);
        const [event] = subscriber.received;
        expect(event?.errors).toBeUndefined();
        expect(event?.data?.leafEvents).toMatchObject({ __typename: 'MachineEvent', type: 'MACHINE_UPDATED', machine: { name } });
        expect(hasValues(event?.data)).toBe(true);
      } finally {
        subscriber.close();
      }
    },
  );
});
