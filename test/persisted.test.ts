// Persisted documents as a mobile app uses them: it ships the hashes `npm run codegen` gave
// its operations (operations/*.graphql) and sends a hash instead of the query, by POST or by a
// cacheable GET. Other clients register queries on the fly (automatic persisted queries), and
// PERSISTED_ONLY turns everything but the trusted documents away.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { DEFAULT_DOCUMENTS_FILE, loadTrustedDocuments } from '../src/server/persisted/documents.js';
import { MachinesWithFilesDocument, type MachinesWithFilesQuery } from '../operations/__generated__/graphql.js';
import { useStack, withStack, type GraphQLResponse } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;

/** The "sha256:<hex>" codegen put on a generated document. */
function hashOf(document: DocumentNode): string {
  const hash = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('document without a codegen hash: run npm run codegen');
  return hash;
}

const hex = (id: string) => id.replace(/^sha256:/, '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function apq(hash: string) {
  return { persistedQuery: { version: 1, sha256Hash: hash } };
}

function machineNames(result: GraphQLResponse<unknown>): string[] {
  expect(result.errors).toBeUndefined();
  return (result.data as MachinesWithFilesQuery).leafUser.machines!.nodes.map((machine) => machine?.name ?? '');
}

describe('the trusted-document store', () => {
  const store = JSON.parse(readFileSync(DEFAULT_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;

  /** What a document selects, in any order: codegen reorders fields when it normalizes. */
  function selections(document: DocumentNode): string[] {
    const paths: string[] = [];
    const stack: string[] = [];
    visit(document, {
      OperationDefinition: { enter: (node) => void stack.push(`${node.operation} ${node.name?.value ?? ''}`), leave: () => void stack.pop() },
      VariableDefinition: (node) => void paths.push(`${stack.join('.')}($${node.variable.name.value}: ${print(node.type)})`),
      Field: {
        enter: (node) => {
          const args = node.arguments?.map((arg) => `${arg.name.value}: ${print(arg.value)}`).sort() ?? [];
          stack.push(`${node.alias ? `${node.alias.value}:` : ''}${node.name.value}(${args.join(', ')})`);
          paths.push(stack.join('.'));
        },
        leave: () => void stack.pop(),
      },
      InlineFragment: { enter: (node) => void stack.push(`on ${node.typeCondition?.name.value}`), leave: () => void stack.pop() },
    });
    return paths.sort();
  }

  it('holds every operation in operations/ as it is now (run `npm run codegen` after editing one)', () => {
    const dir = new URL('../operations/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const stored = new Map(
      Object.values(store).map((text) => {
        const document = parse(text);
        const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
        return [operation?.name?.value, document] as const;
      }),
    );
    for (const file of files) {
      const document = parse(readFileSync(new URL(file, dir), 'utf8'));
      const name = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)?.name?.value;
      expect(stored.get(name), `${file} is not in the store`).toBeDefined();
      expect(selections(stored.get(name)!), file).toEqual(selections(document));
    }
    expect(stored.size).toBe(files.length);
  });

  it('keys each document by the SHA-256 of its text, as the generated documents carry it', () => {
    for (const [id, text] of Object.entries(store)) expect(id).toBe(`sha256:${sha256(text)}`);
    expect(store[hashOf(MachinesWithFilesDocument)]).toBeDefined();
  });
});

// The automatic persisted queries below stay text: the hash a client sends is of its exact text.
describe('default mode: trusted documents, automatic persisted queries, and plain queries', () => {
  const stack = useStack();

  it('runs a trusted document named by its hash, as the same query sent in full would', async () => {
    const variables = { leafUserId: USER, first: 4 };
    const full = machineNames(await stack.query(MachinesWithFilesDocument, variables));
    expect(full).toHaveLength(4);
    // Apollo's extension (bare hex), and the GraphQL-over-HTTP appendix's documentId.
    expect(machineNames((await stack.post({ variables, extensions: apq(hex(hashOf(MachinesWithFilesDocument))) })).body)).toEqual(full);
    expect(machineNames((await stack.post({ variables, documentId: hashOf(MachinesWithFilesDocument) })).body)).toEqual(full);
  });

  it('runs one by GET, the cacheable way a mobile app sends it', async () => {
    const params = new URLSearchParams({
      variables: JSON.stringify({ leafUserId: USER, first: 2 }),
      extensions: JSON.stringify(apq(hex(hashOf(MachinesWithFilesDocument)))),
    });
    const response = await stack.request<GraphQLResponse<unknown>>(`/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(machineNames(response.body)).toHaveLength(2);
  });

  it('runs a trusted document named by documentId, and a registered APQ hash, by a GET that revalidates to 304', async () => {
    // A client's own token: no CSRF header needed (src/server/security/csrf.ts).
    const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
      stack.request<GraphQLResponse<unknown>>(`/graphql?${new URLSearchParams(params)}`, { headers });
    const variables = JSON.stringify({ leafUserId: USER, first: 3 });
    const trusted = await get({ documentId: hashOf(MachinesWithFilesDocument), variables });
    expect(trusted.status).toBe(200);
    expect(machineNames(trusted.body)).toHaveLength(3);
    const revalidated = await get({ documentId: hashOf(MachinesWithFilesDocument), variables }, { 'if-none-match': trusted.headers.get('etag')! });
    expect(revalidated.status).toBe(304);

    const query = `query ByGet($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }`;
    const extensions = JSON.stringify(apq(sha256(query)));
    expect((await get({ variables: JSON.stringify({ user: USER }), extensions })).status).toBe(404);
    expect(machineNames((await stack.post({ query, variables: { user: USER }, extensions: apq(sha256(query)) })).body)).toHaveLength(2);
    const byHash = await get({ variables: JSON.stringify({ user: USER }), extensions });
    expect(byHash.status).toBe(200);
    expect(machineNames(byHash.body)).toHaveLength(2);
  });

  it('registers a query on its first full send, then runs it by hash alone', async () => {
    const query = `query LatestMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { name } } } }`;
    const hash = sha256(query);
    stack.resetCalls();
    const unknown = await stack.post({ variables: { user: USER }, extensions: apq(hash) });
    expect(unknown.status).toBe(404);
    // Apollo's clients react to exactly this message by sending the query with its hash.
    expect(unknown.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect(stack.calls()).toHaveLength(0);

    const registered = await stack.post({ query, variables: { user: USER }, extensions: apq(hash) });
    expect(machineNames(registered.body)).toHaveLength(3);
    const byHash = await stack.post({ variables: { user: USER }, extensions: apq(hash) });
    expect(machineNames(byHash.body)).toEqual(machineNames(registered.body));
  });

  it('refuses a query whose hash is not its own, and does not register it', async () => {
    const query = `query Named($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { name } } } }`;
    const claimed = sha256('something else');
    stack.resetCalls();
    const mismatch = await stack.post({ query, variables: { user: USER }, extensions: apq(claimed) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(stack.calls()).toHaveLength(0);
    const later = await stack.post({ variables: { user: USER }, extensions: apq(claimed) });
    expect(later.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('still applies the query limits to a persisted query', async () => {
    const bomb = `{ leafUser(id: "${USER}") { machines(first: 100) { nodes { files(first: 100) { nodes { leafFileId } } } } } }`;
    stack.resetCalls();
    const first = await stack.post({ query: bomb, extensions: apq(sha256(bomb)) });
    expect(first.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const again = await stack.post({ extensions: apq(sha256(bomb)) });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(stack.calls()).toHaveLength(0);
  });

  it('says what to send when a request has neither a query nor a hash', async () => {
    const empty = await stack.post({ variables: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(empty.body.errors?.[0]?.message).toMatch(/sha256Hash/);
  });
});

describe('PERSISTED_ONLY=true', () => {
  const stack = useStack({ env: { PERSISTED_ONLY: 'true' } });

  it('runs the trusted documents', async () => {
    expect(machineNames((await stack.post({ variables: { leafUserId: USER }, documentId: hashOf(MachinesWithFilesDocument) })).body)).toHaveLength(5);
  });

  it('refuses query text, registrations included, and hashes it does not trust, calling nothing', async () => {
    const query = `query Other($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { name } } } }`;
    stack.resetCalls();
    const text = await stack.post({ query, variables: { user: USER } });
    expect(text.status).toBe(400);
    expect(text.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(text.body.errors?.[0]?.message).toMatch(/persisted documents only/);
    const registration = await stack.post({ query, variables: { user: USER }, extensions: apq(sha256(query)) });
    expect(registration.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    const unknown = await stack.post({ variables: { user: USER }, extensions: apq(sha256(query)) });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(stack.calls()).toHaveLength(0);
  });
});

describe('configuration', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'persisted-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the defaults and refuses a store that is not there', () => {
    expect(loadConfig({}).persisted).toEqual({ documentsPath: null, only: false, automatic: true, automaticStoreSize: 1000 });
    expect(() => loadConfig({ PERSISTED_DOCUMENTS: join(dir, 'missing.json') })).toThrow(ConfigError);
    expect(() => loadConfig({ PERSISTED_DOCUMENTS: join(dir, 'missing.json') })).toThrow(/PERSISTED_DOCUMENTS must be the path of a readable file/);
  });

  it('serves the documents of the file PERSISTED_DOCUMENTS names, and refuses one that is not a store', async () => {
    const query = `query Mine($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }`;
    const file = join(dir, 'documents.json');
    writeFileSync(file, JSON.stringify({ [`sha256:${sha256(query)}`]: query }));
    await withStack({ env: { PERSISTED_DOCUMENTS: file, PERSISTED_ONLY: 'true' } }, async (custom) => {
      const result = await custom.post({ variables: { user: USER }, extensions: apq(sha256(query)) });
      expect(machineNames(result.body)).toHaveLength(2);
      const generated = await custom.post({ variables: { leafUserId: USER }, documentId: hashOf(MachinesWithFilesDocument) });
      expect(generated.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '["not", "a", "store"]');
    expect(() => loadTrustedDocuments(broken)).toThrow(/PERSISTED_DOCUMENTS must be a JSON object/);
  });

  it('with AUTOMATIC_PERSISTED_QUERIES=false runs a query sent with its hash but keeps nothing', async () => {
    await withStack({ env: { AUTOMATIC_PERSISTED_QUERIES: 'false' } }, async (plain) => {
      const query = `query Once($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { name } } } }`;
      expect(machineNames((await plain.post({ query, variables: { user: USER }, extensions: apq(sha256(query)) })).body)).toHaveLength(1);
      const byHash = await plain.post({ variables: { user: USER }, extensions: apq(sha256(query)) });
      expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });
});
