// The edge (pure): Leaf's answers read against their documented shapes, one field at a time
// when needed, and Leaf ids of any spelling carried through global IDs and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMachine, readMachines, readFile, Unreadable } from '../src/leaf/readers.js';
import { leafIdProblem } from '../src/schema/scalars.js';
import { machines } from '../src/leaf/resources/machines.js';
import { decodeGlobalId, encodeGlobalId } from '../src/schema/relay/global-id.js';
import { machineFiles } from '../src/leaf/resources/machine-files.js';
import { textOfIds } from '../src/leaf/resources/key.js';
import { endpointOf, pathOf } from '../src/leaf/resources/resource.js';
import { ReadTagSet, readTags, type ReadTag } from '../src/leaf/read-tags.js';
import { DOCUMENTED } from '../src/emulator/index.js';

const machine = JSON.parse(DOCUMENTED.bodies.MACHINE) as Record<string, unknown>;

describe('readers', () => {
  it("read Leaf's documented machine whole, exactly", () => {
    expect(readMachine(machine)).toEqual({ ...machine, updatedTime: null });
  });

  it('turn one value of the wrong type into Unreadable for that field alone, for every field', () => {
    const junk = [{ nested: true }, [1], 42.5, 'not-a-time', true];
    for (const field of Object.keys(machine).filter((key) => key !== 'id')) {
      for (const value of junk) {
        const read = readMachine({ ...machine, [field]: value }) as unknown as Record<string, unknown>;
        for (const [key, kept] of Object.entries(read)) {
          if (key === field) continue;
          expect(kept).toEqual(key in machine ? machine[key] : null);
        }
        const got = read[field];
        // Only a string is valid junk, and only for a free-text field ('not-a-time' is a name,
        // but no originType or createdTime).
        const freeText = typeof machine[field] === 'string' && !['originType', 'createdTime'].includes(field);
        expect(got instanceof Unreadable, `${field}: ${JSON.stringify(value)}`).toBe(!(freeText && typeof value === 'string'));
        if (got instanceof Unreadable) expect(got.code).toBe('UPSTREAM_ERROR');
        else expect(got).toEqual(value);
      }
    }
  });

  it('refuse an answer that is not the documented kind at all, or a record without an id', () => {
    expect(() => readMachines({ not: 'a list' })).toThrow(/unreadable machine list/);
    expect(() => readMachines([{ ...machine, id: 7 }])).toThrow(/unreadable machine/);
    expect(() => readMachine('text')).toThrow(/unreadable machine/);
  });

  it('keep URLs exactly and refuse ones that are not absolute', () => {
    const file = readFile({ id: 'uuid-1', downloadOriginalFile: 'https://...', downloadStandardGeojson: 'url' });
    expect(file.downloadOriginalFile).toBe('https://...');
    expect(file.downloadStandardGeojson).toBeInstanceOf(Unreadable);
  });
});

describe('Leaf ids in global IDs', () => {
  // Characters a Leaf id could hold, the separator and URL-special ones among them.
  const alphabet = ['a', 'Z', '0', '-', '_', ':', '%', '/', '?', '#', ' ', 'é', '木', '.', '~', '+'];
  const leafId = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 20 });

  it("round-trip any non-empty ids through a resource's key, the global ID and the key again", () => {
    fc.assert(
      fc.property(leafId, leafId, (leafUserId, machineId) => {
        const global = encodeGlobalId('Machine', machines.key.text({ leafUserId, id: machineId }));
        const { typename, id } = decodeGlobalId(global);
        expect(typename).toBe('Machine');
        expect(machines.key.parse(id)).toEqual({ leafUserId, id: machineId });
      }),
      { numRuns: 500 },
    );
  });

  it('are the base64url of the typename and key text, made afresh or handed out again, past any number of IDs', () => {
    // The IDs made are kept for reuse: whatever is kept, the text must be the one made afresh.
    const made = (typename: string, text: string) => Buffer.from(`${typename}:${text}`, 'utf8').toString('base64url');
    fc.assert(
      fc.property(fc.constantFrom('Machine', 'MachineFile', 'LeafFile'), leafId, leafId, (typename, leafUserId, machineId) => {
        const text = machines.key.text({ leafUserId, id: machineId });
        expect(encodeGlobalId(typename, text)).toBe(made(typename, text));
        expect(encodeGlobalId(typename, text)).toBe(made(typename, text));
      }),
      { numRuns: 500 },
    );
    for (let index = 0; index < 10_000; index++) expect(encodeGlobalId('Machine', `u:${index}`)).toBe(made('Machine', `u:${index}`));
    expect(encodeGlobalId('Machine', 'u:1')).toBe(made('Machine', 'u:1'));
  });

  it("spell a key's text as its ids joined, made afresh or handed out again, past any number of keys", () => {
    // Key texts are kept for reuse by their ids part after part: a kept one must be the one made afresh.
    fc.assert(
      fc.property(fc.constantFrom('u1', 'U1'), fc.constantFrom('m1', 'm2'), leafId, leafId, (leafUserId, machineId, leafFileId, id) => {
        for (let twice = 0; twice < 2; twice++) {
          expect(machineFiles.key.text({ leafUserId, machineId, leafFileId, id })).toBe(textOfIds([leafUserId, machineId, leafFileId, id]));
          expect(machines.key.text({ leafUserId, id })).toBe(textOfIds([leafUserId, id]));
        }
      }),
      { numRuns: 500 },
    );
    for (let index = 0; index < 20_000; index++) expect(machines.key.text({ leafUserId: 'u', id: `m ${index}` })).toBe(`u:m%20${index}`);
    expect(machines.key.text({ leafUserId: 'u', id: 'm 1' })).toBe('u:m%201');
  });

  it('encode a UUID as itself, so global IDs handed out before LeafId still decode', () => {
    const uuid = 'e89b1861-bdbb-49b9-8e11-74840f7e1ea8';
    expect(machines.key.text({ leafUserId: uuid, id: uuid })).toBe(`${uuid}:${uuid}`);
  });

  it('accept as an argument what Leaf could send, and refuse only what it could not', () => {
    for (const id of ['uuid', 'uuid-1', 'aa8c917bc-7e9b-47bc-99b8-4a0df818ab07', 'a:b', 'x'.repeat(128), 'é木']) expect(leafIdProblem(id)).toBeNull();
    for (const id of ['', 'a/b', 'a?b', 'a#b', '50%', 'a b', 'a\tb', 'a\u0000b', 'x'.repeat(129)]) expect(leafIdProblem(id)).not.toBeNull();
  });
});

describe('what a Leaf read names', () => {
  const alphabet = ['a', 'Z', '0', '-', '_', ':', '%', '/', '?', '#', ' ', 'é', '木', '.', '~', '+', "'", '(', '*', 'İ', '"', '\\'];
  const leafId = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 0, maxLength: 20 });

  it("fills a path template with each id as encodeURIComponent spells it, and names its endpoint with every id as {id}", () => {
    const template = '/services/beta/api/users/{leafUserId}/machines/{machineId}/files';
    expect(machineFiles.collection).toBe(template);
    fc.assert(
      fc.property(leafId, leafId, (leafUserId, machineId) => {
        const ids: Record<string, string> = { leafUserId, machineId };
        const expected = template.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(ids[name] ?? ''));
        expect(pathOf(template, { leafUserId, machineId })).toBe(expected);
        expect(pathOf(template, { leafUserId, machineId }, { page: 2, sort: ['a,asc', 'b desc'] })).toBe(`${expected}?page=2&sort=a%2Casc&sort=b+desc`);
      }),
      { numRuns: 300 },
    );
    expect(endpointOf(template)).toBe('/services/beta/api/users/{id}/machines/{id}/files');
  });

  it("spells each tag as its kind and its id folded to lower case, whether made afresh or handed out again", () => {
    fc.assert(
      fc.property(leafId, (id) => {
        for (let twice = 0; twice < 2; twice++) {
          expect(readTags.file(id)).toBe(JSON.stringify(['file', id.toLowerCase()]));
          expect(readTags.machineFilesOf(id)).toBe(JSON.stringify(['machine-files-of', id.toLowerCase()]));
          expect(readTags.user(id)).toBe(JSON.stringify(['user', id.toLowerCase()]));
        }
      }),
      { numRuns: 300 },
    );
    for (let index = 0; index < 10_000; index++) expect(readTags.operation(`Op-${index}`)).toBe(`["operation","op-${index}"]`);
    expect(readTags.file('ABC')).not.toBe(readTags.machine('ABC'));
  });

  it('collects the tags of every read, asked before, between and after them', () => {
    const reads = new ReadTagSet();
    expect(reads.size).toBe(0);
    expect(reads.touches([readTags.file('f1')])).toBe(false);
    reads.add([readTags.file('f1'), readTags.user('U1')]);
    expect(reads.has(readTags.file('F1'))).toBe(true);
    reads.add(new Set<ReadTag>([readTags.user('u1'), readTags.machine('m1')]));
    reads.add([]);
    expect(reads.size).toBe(3);
    expect(reads.touches([readTags.machine('m2'), readTags.machine('M1')])).toBe(true);
    expect(reads.touches([readTags.machine('m2')])).toBe(false);
    reads.add([readTags.operation('o1')]);
    expect([...reads].sort()).toEqual([readTags.file('f1'), readTags.machine('m1'), readTags.operation('o1'), readTags.user('u1')].sort());
  });
});
