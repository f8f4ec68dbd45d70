// Fields served without a resolver (src/schema/leaf-fields.ts): a value Leaf sent of the wrong
// type still answers as it did through a resolver, UPSTREAM_ERROR at that field's path with the
// reader's message, masked in production (nothing Leaf sent), the rest of the record answered,
// and a non-null field nulls its item only. The same answer compiled (graphql-jit) and
// interpreted (graphql-js), through Yoga and through the fast path. And they have no resolver:
// that is what makes them cheap.
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { schema } from '../src/schema/index.js';
import { useStack, type GraphQLResponse, type HttpAnswer, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const compiled = useStack({ env: { NODE_ENV: 'production', GRAPHQL_JIT: 'true' } });
const interpreted = useStack({ env: { NODE_ENV: 'production', GRAPHQL_JIT: 'false' } });
const STACKS = [compiled, interpreted];

/** What Leaf sends in place of any documented value: nothing a field can hold, and a secret that must not leak. */
const GARBAGE = { secret: 'upstream-internals-7c1d' };

type Json = Record<string, unknown>;
type Answer = GraphQLResponse<Json>;

/** A field of a record and what the reader expected there (its message's end). */
type Expected = readonly [field: string, expected: string];

const TEXT = 'a string';
const INSTANT = 'an RFC 3339 timestamp';
const LEAF_ID = 'a Leaf id';

/** Not leafUserId: the emulator serves a record to its owner only (test/documented.test.ts has bodies whose leafUserId differs). */
const ASSET_FIELDS: Expected[] = [
  ['name', TEXT],
  ['provider', TEXT],
  ['providerOrganizationId', TEXT],
];
const MACHINE_FIELDS: Expected[] = [
  ...ASSET_FIELDS,
  ['createdTime', INSTANT],
  ['updatedTime', INSTANT],
  ['serialNumber', TEXT],
  ['vin', TEXT],
  ['model', TEXT],
  ['make', TEXT],
  ['category', TEXT],
  ['modelYear', 'an integer'],
];
const IMPLEMENT_FIELDS: Expected[] = [...ASSET_FIELDS, ['serialNumber', TEXT], ['model', TEXT], ['make', TEXT], ['category', TEXT]];
const OPERATOR_FIELDS: Expected[] = [...ASSET_FIELDS, ['license', TEXT], ['status', TEXT], ['updatedTime', INSTANT]];
const MACHINE_FILE_FIELDS: Expected[] = [
  ['machineId', LEAF_ID],
  ['startTime', INSTANT],
  ['endTime', INSTANT],
];
/** Not leafUserId, as for assets. */
const FILE_FIELDS: Expected[] = [
  ['fileName', TEXT],
  ['fileFormat', TEXT],
  ['provider', TEXT],
  ['origin', TEXT],
  ['apiOwnerUsername', TEXT],
  ['downloadOriginalFile', 'an absolute URL'],
  ['downloadStandardGeojson', 'an absolute URL'],
];
/** Not leafUserId, as for assets; providers and fields are non-null: one test each. */
const OPERATION_FIELDS: Expected[] = [
  ['type', TEXT],
  ['startTime', INSTANT],
  ['endTime', INSTANT],
  ['updatedTime', INSTANT],
  ['apiOwnerUsername', TEXT],
];
/** Summary properties: their reader names the property alone. */
const SUMMARY_FIELDS: Expected[] = [
  ['startTime', TEXT],
  ['endTime', TEXT],
  ['originalOperationType', TEXT],
  ['operationDescription', TEXT],
];

const spoiled = (record: object, fields: readonly Expected[]) => ({ ...record, ...Object.fromEntries(fields.map(([field]) => [field, GARBAGE])) });
const names = (fields: readonly Expected[]) => fields.map(([field]) => field).join(' ');

/**
 * Sends `query` twice to each stack, Yoga answering the first and the fast path the second
 * (byte for byte the same), and the compiled and interpreted answers must be the same too.
 */
async function askAll(query: string, variables: Json): Promise<Answer> {
  const answers: HttpAnswer<Answer>[] = [];
  for (const stack of STACKS) {
    const [viaYoga, viaFastPath] = [await stack.post<Answer>({ query, variables }), await stack.post<Answer>({ query, variables })];
    expect({ status: viaFastPath.status, text: viaFastPath.text }).toEqual({ status: viaYoga.status, text: viaYoga.text });
    expect(viaYoga.status).toBe(200);
    expect(viaYoga.text).not.toMatch(/upstream-internals|secret|stack|originalError/);
    answers.push(viaYoga);
  }
  const [first, second] = answers;
  expect({ ...second!.body, errors: errorsOf(second!.body) }).toEqual({ ...first!.body, errors: errorsOf(first!.body) });
  return first!.body;
}

/** The errors an answer holds, by path, as `[path, message, code]`. */
function errorsOf(answer: Answer): [string, string, unknown][] {
  return (answer.errors ?? [])
    .map((error): [string, string, unknown] => [error.path!.join('.'), error.message, error.extensions?.code])
    .sort(([a], [b]) => a.localeCompare(b));
}

function expectedErrors(at: string, what: string, fields: readonly Expected[]): [string, string, unknown][] {
  return fields
    .map(([field, expected]): [string, string, unknown] => [`${at}.${field}`, `The Leaf API sent a ${what} ${field} that is not ${expected}.`, 'UPSTREAM_ERROR'])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The first of the user's records in a collection, the same in each stack's emulator (seeded alike). */
function firstOf<T extends { id: string; leafUserId?: string }>(records: (stack: Stack) => Map<string, T>): T {
  return [...records(compiled).values()].filter((record) => record.leafUserId === USER).sort((a, b) => a.id.localeCompare(b.id))[0]!;
}

describe('fields without a resolver', () => {
  it('are every plain row field of the row types: no resolver call per field and item', () => {
    const plain = (type: string) => {
      const found = schema.getType(type);
      if (!isObjectType(found)) throw new Error(`${type} is not an object type`);
      return Object.values(found.getFields())
        .filter((field) => field.resolve === undefined)
        .map((field) => field.name);
    };
    const assets = ['leafId', 'leafUser', 'leafUserId', 'name', 'provider', 'providerOrganizationId', 'originType'];
    expect(plain('Machine')).toEqual([...assets, 'createdTime', 'updatedTime', 'serialNumber', 'vin', 'model', 'make', 'category', 'modelYear']);
    expect(plain('Implement')).toEqual([...assets, 'serialNumber', 'model', 'make', 'category']);
    expect(plain('Operator')).toEqual([...assets, 'license', 'status', 'updatedTime']);
    expect(plain('MachineFile')).toEqual(['leafId', 'machineId', 'leafFileId', 'startTime', 'endTime']);
    expect(plain('LeafFile')).toEqual(['fileName', 'fileFormat', 'provider', 'origin', 'leafUserId', 'apiOwnerUsername', 'downloadOriginalFile', 'downloadStandardGeojson']);
    expect(plain('HarvestedSummary')).toEqual(['operationType', 'startTime', 'endTime', 'crops', 'machinery', 'originalOperationType', 'operationDescription', 'properties', 'geometry']);
    expect(plain('FieldOperation')).toEqual(['type', 'startTime', 'endTime', 'updatedTime', 'leafUserId', 'apiOwnerUsername', 'providers', 'fields']);
  });

  it('answer each unreadable value of a machine, implement and operator as UPSTREAM_ERROR at its own path, the rest of the record answered', async () => {
    const machine = firstOf((stack) => stack.emulator.store.machines);
    const implement = firstOf((stack) => stack.emulator.store.implements);
    const operator = firstOf((stack) => stack.emulator.store.operators);
    for (const stack of STACKS) {
      const { store } = stack.emulator;
      store.putMachine(spoiled(store.machines.get(machine.id)!, MACHINE_FIELDS) as unknown as typeof machine);
      store.implements.set(implement.id, spoiled(implement, IMPLEMENT_FIELDS) as unknown as typeof implement);
      store.operators.set(operator.id, spoiled(operator, OPERATOR_FIELDS) as unknown as typeof operator);
    }
    const query = `query LeafFieldsAssets($user: LeafId!, $machine: LeafId!, $implement: LeafId!, $operator: LeafId!) {
      leafUser(id: $user) {
        machine(id: $machine) { leafId originType leafUser { leafUserId } ${names(MACHINE_FIELDS)} }
        implement(id: $implement) { leafId originType ${names(IMPLEMENT_FIELDS)} }
        operator(id: $operator) { leafId originType ${names(OPERATOR_FIELDS)} }
      }
    }`;
    const answer = await askAll(query, { user: USER, machine: machine.id, implement: implement.id, operator: operator.id });
    expect(errorsOf(answer)).toEqual(
      [
        ...expectedErrors('leafUser.machine', 'machine', MACHINE_FIELDS),
        ...expectedErrors('leafUser.implement', 'implement', IMPLEMENT_FIELDS),
        ...expectedErrors('leafUser.operator', 'operator', OPERATOR_FIELDS),
      ].sort(([a], [b]) => a.localeCompare(b)),
    );
    const user = answer.data!.leafUser as Json;
    expect(user.machine).toEqual({
      leafId: machine.id,
      originType: machine.originType,
      leafUser: { leafUserId: USER },
      ...Object.fromEntries(MACHINE_FIELDS.map(([field]) => [field, null])),
    });
    expect(user.implement).toEqual({ leafId: implement.id, originType: implement.originType, ...Object.fromEntries(IMPLEMENT_FIELDS.map(([field]) => [field, null])) });
    expect(user.operator).toEqual({ leafId: operator.id, originType: operator.originType, ...Object.fromEntries(OPERATOR_FIELDS.map(([field]) => [field, null])) });
  });

  it('null the item of an unreadable non-null field (originType) in a page, with the error at that field, its siblings answered', async () => {
    // Another user than the other tests', whose records they spoil.
    const user = DEMO_USER_IDS.riverBend;
    const page = `query LeafFieldsPage($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name originType } } } }`;
    const before = await compiled.query<{ leafUser: { machines: { nodes: { leafId: string; name: string }[] } } }>(page, { user });
    const second = before.data!.leafUser.machines.nodes[1]!.leafId;
    for (const stack of STACKS) {
      const record = stack.emulator.store.machines.get(second)!;
      stack.emulator.store.putMachine({ ...record, originType: 'SOMETHING_NEW' } as unknown as typeof record);
    }
    const answer = await askAll(page, { user });
    expect(errorsOf(answer)).toEqual([
      ['leafUser.machines.nodes.1.originType', 'The Leaf API sent a machine originType that is not one of USER_CREATED, FILE_POOLED, PROVIDER_POOLED.', 'UPSTREAM_ERROR'],
    ]);
    const nodes = (answer.data!.leafUser as { machines: { nodes: unknown[] } }).machines.nodes;
    expect(nodes[1]).toBeNull();
    expect(nodes[0]).toEqual(before.data!.leafUser.machines.nodes[0]);
    expect(nodes[2]).toEqual(before.data!.leafUser.machines.nodes[2]);
  });

  it('answer each unreadable value of a field operation at its own path, and an unreadable non-null list by nulling the operation', async () => {
    const [first, second] = [...compiled.emulator.store.operations.values()].filter((operation) => operation.leafUserId === USER).sort((a, b) => a.id.localeCompare(b.id));
    for (const stack of STACKS) {
      const { store } = stack.emulator;
      store.putOperation(spoiled(store.operations.get(first!.id)!, OPERATION_FIELDS) as unknown as NonNullable<typeof first>);
      // A list of fields where Leaf sent something else: the list field itself is unreadable.
      store.putOperation({ ...store.operations.get(second!.id)!, fields: GARBAGE } as unknown as NonNullable<typeof second>);
    }
    const query = `query LeafFieldsOperation($id: LeafId!) { fieldOperation(id: $id) { leafId providers fields { fieldId coverage } ${names(OPERATION_FIELDS)} } }`;
    const spoilt = await askAll(query, { id: first!.id });
    expect(errorsOf(spoilt)).toEqual(expectedErrors('fieldOperation', 'field operation', OPERATION_FIELDS));
    expect(spoilt.data!.fieldOperation).toEqual({
      leafId: first!.id,
      providers: first!.providers,
      fields: first!.fields.map((field) => ({ fieldId: field.id, coverage: field.coverage })),
      ...Object.fromEntries(OPERATION_FIELDS.map(([field]) => [field, null])),
    });
    const listless = await askAll(query, { id: second!.id });
    expect(errorsOf(listless)).toEqual([['fieldOperation.fields', 'The Leaf API sent a field operation fields that is not a list of { id, coverage } fields.', 'UPSTREAM_ERROR']]);
    expect(listless.data).toEqual({ fieldOperation: null });
  });

  it('answer each unreadable value of a machine file, its file and the summary as UPSTREAM_ERROR at its own path', async () => {
    const machine = firstOf((stack) => stack.emulator.store.machines);
    const [link] = compiled.emulator.store.linksOf(machine.id).sort((a, b) => a.id.localeCompare(b.id));
    const file = compiled.emulator.store.files.get(link!.leafFileId)!;
    expect(file.summary).not.toBeNull();
    for (const stack of STACKS) {
      const { store } = stack.emulator;
      // Filed under the machine's id, whatever the body's machineId says.
      const links = store.linksOf(machine.id);
      store.machineFiles.set(machine.id, links.map((each) => (each.id === link!.id ? spoiled(each, MACHINE_FILE_FIELDS) : each)) as unknown as typeof links);
      const summary = { ...file.summary!, properties: { ...file.summary!.properties, ...Object.fromEntries(SUMMARY_FIELDS.map(([field]) => [field, GARBAGE])) } };
      store.putFile({ ...spoiled(file, FILE_FIELDS), summary } as unknown as typeof file, store.images.get(file.id));
    }
    const query = `query LeafFieldsFiles($user: LeafId!, $machine: LeafId!, $file: LeafId!) {
      leafUser(id: $user) {
        machine(id: $machine) {
          files(first: 50, filter: { leafFileId: $file }) {
            nodes { leafId leafFileId ${names(MACHINE_FILE_FIELDS)} file { leafId ${names(FILE_FIELDS)} summary { operationType ${names(SUMMARY_FIELDS)} } } }
          }
        }
      }
    }`;
    const answer = await askAll(query, { user: USER, machine: machine.id, file: file.id });
    const nodes = (answer.data!.leafUser as { machine: { files: { nodes: Json[] } } }).machine.files.nodes;
    const index = nodes.findIndex((node) => node.leafId === link!.id);
    expect(index).toBeGreaterThanOrEqual(0);
    const at = `leafUser.machine.files.nodes.${index}`;
    const mine = errorsOf(answer).filter(([path]) => path.startsWith(`${at}.`));
    expect(mine).toEqual(
      [
        ...expectedErrors(at, 'machine file', MACHINE_FILE_FIELDS),
        ...expectedErrors(`${at}.file`, 'file', FILE_FIELDS),
        ...expectedErrors(`${at}.file.summary`, 'summary', SUMMARY_FIELDS).map(([path, , code]): [string, string, unknown] => {
          const field = path.split('.').at(-1)!;
          return [path, `The Leaf API sent a ${field} that is not ${TEXT}.`, code];
        }),
      ].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(nodes[index]).toEqual({
      leafId: link!.id,
      leafFileId: file.id,
      ...Object.fromEntries(MACHINE_FILE_FIELDS.map(([field]) => [field, null])),
      file: {
        leafId: file.id,
        ...Object.fromEntries(FILE_FIELDS.map(([field]) => [field, null])),
        summary: { operationType: file.summary!.properties.operationType, ...Object.fromEntries(SUMMARY_FIELDS.map(([field]) => [field, null])) },
      },
    });
  });
});
