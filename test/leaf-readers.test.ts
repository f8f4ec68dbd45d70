// The edge (pure): Leaf's answers read against their documented shapes, one field at a time
// when needed, and Leaf ids of any spelling carried through global IDs and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMachine, readMachines, readFile, Unreadable } from '../src/leaf/readers.js';
import { leafIdProblem } from '../src/schema/scalars.js';
import { machines } from '../src/leaf/resources/machines.js';
import { decodeGlobalId, encodeGlobalId } from '../src/schema/relay/global-id.js';
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

  it('encode a UUID as itself, so global IDs handed out before LeafId still decode', () => {
    const uuid = 'e89b1861-bdbb-49b9-8e11-74840f7e1ea8';
    expect(machines.key.text({ leafUserId: uuid, id: uuid })).toBe(`${uuid}:${uuid}`);
  });

  it('accept as an argument what Leaf could send, and refuse only what it could not', () => {
    for (const id of ['uuid', 'uuid-1', 'aa8c917bc-7e9b-47bc-99b8-4a0df818ab07', 'a:b', 'x'.repeat(128), 'é木']) expect(leafIdProblem(id)).toBeNull();
    for (const id of ['', 'a/b', 'a?b', 'a#b', '50%', 'a b', 'a\tb', 'a\u0000b', 'x'.repeat(129)]) expect(leafIdProblem(id)).not.toBeNull();
  });
});
