import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorKeyOf, decodeCursor, encodeCursor, MAX_CURSOR_OFFSET } from '../src/schema/relay/cursor.js';
import { ConnectionArgumentError } from '../src/schema/relay/errors.js';


function refusal(key: string, cursor: string): string {
  try {
    decodeCursor(key, cursor, 'after');
  } catch (error) {
    if (error instanceof ConnectionArgumentError) {
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.message;
    }
    throw error;
  }
  return `accepted ${cursor}`;
}

const KEY = cursorKeyOf('machines:user-1', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'ASC' } });

describe('cursors', () => {
  it('round-trip every offset under every key', () => {
    // The edges of the base-36 spelling and of the range, beside offsets anywhere in it.
    const edges = [0, 1, 35, 36, 99, 100, 101, 1233, 65_535, MAX_CURSOR_OFFSET - 1, MAX_CURSOR_OFFSET];
    const offset = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: MAX_CURSOR_OFFSET }));
    // 50 keys × 2011 offsets, as many as the seeded loop this replaces; one key per run, as
    // hashing the key costs more than the cursor.
    fc.assert(
      fc.property(fc.string(), fc.double(), fc.array(offset, { minLength: 2011, maxLength: 2011 }), (list, page, offsets) => {
        const key = cursorKeyOf(list, { page });
        const wrong = offsets.filter((offset) => {
          const cursor = encodeCursor(key, offset);
          return !/^[A-Za-z0-9_-]+$/.test(cursor) || decodeCursor(key, cursor) !== offset;
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('are opaque and compact', () => {
    const cursor = encodeCursor(KEY, 1234);
    expect(cursor).not.toContain('machines');
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('1234');
    expect(cursor.length).toBeLessThanOrEqual(20);
  });

  it('refuse a cursor of another list, filter or order, saying to start again', () => {
    const others = [
      cursorKeyOf('machines:user-2', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'ASC' } }),
      cursorKeyOf('machines:user-1', { filter: { originType: 'DEVICE' }, orderBy: { name: 'ASC' } }),
      cursorKeyOf('machines:user-1', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'DESC' } }),
      cursorKeyOf('operators:user-1', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'ASC' } }),
    ];
    for (const other of others) {
      expect(refusal(KEY, encodeCursor(other, 5))).toBe(
        '`after` was made for a different list, filter or order; fetch the first page again without it',
      );
    }
  });

  it('refuse malformed cursors, saying what to pass instead', () => {
    const valid = encodeCursor(KEY, 7);
    const hash = Buffer.from(valid, 'base64url').toString('latin1').split(':')[0] ?? '';
    const forged = (text: string): string => Buffer.from(text, 'latin1').toString('base64url');
    const malformed = [
      '',
      'abc',
      'not a cursor',
      `${valid}=`,
      `${valid}.`,
      valid.slice(1),
      `${valid}A`,
      'x'.repeat(500),
      forged(`${hash}:-1`),
      forged(`${hash}:07`),
      forged(`${hash}:7.5`),
      forged(`${hash}:`),
      forged(`${hash}:${(MAX_CURSOR_OFFSET + 1).toString(36)}`),
      forged(`${hash}:zzzzzzzzzzzzzzzzzzzz`),
      forged(`${hash.toUpperCase()}:7`),
      forged(`${hash}7`),
      forged('7'),
    ];
    for (const cursor of malformed) {
      expect(refusal(KEY, cursor)).toMatch(/^`after` is not a cursor this API issued; pass a startCursor or endCursor/);
    }
    // The same text, spelled canonically, is accepted: the checks above are about form, not content.
    expect(decodeCursor(KEY, forged(`${hash}:7`))).toBe(7);
  });

  it('refuse random strings', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 24 }), (cursor) => {
        expect(() => decodeCursor(KEY, cursor)).toThrow(ConnectionArgumentError);
      }),
      { numRuns: 5000 },
    );
  });

  it('are not issued for offsets outside 0..MAX_CURSOR_OFFSET', () => {
    expect(() => encodeCursor(KEY, -1)).toThrow(RangeError);
    expect(() => encodeCursor(KEY, 1.5)).toThrow(RangeError);
    expect(() => encodeCursor(KEY, MAX_CURSOR_OFFSET + 1)).toThrow(RangeError);
  });
});

describe('cursorKeyOf', () => {
  it('ignores key order at every depth but not array order', () => {
    expect(cursorKeyOf('machines', { a: 1, b: { c: 2, d: [1, 2] } })).toBe(cursorKeyOf('machines', { b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(cursorKeyOf('machines', { d: [1, 2] })).not.toBe(cursorKeyOf('machines', { d: [2, 1] }));
  });

  it('tells lists, filters and orders apart', () => {
    const keys = [
      cursorKeyOf('machines', {}),
      cursorKeyOf('operators', {}),
      cursorKeyOf('machines', { filter: { name: 'a' } }),
      cursorKeyOf('machines', { filter: { name: 'b' } }),
      cursorKeyOf('machines', { filter: { name: 'a' }, orderBy: 'name' }),
      cursorKeyOf('machines', { filter: { name: null } }),
      cursorKeyOf('machines', { filter: { name: '1' } }),
      cursorKeyOf('machines', { filter: { name: 1 } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('treats an absent filter like an unset one', () => {
    expect(cursorKeyOf('machines', { filter: undefined })).toBe(cursorKeyOf('machines', {}));
    expect(cursorKeyOf('machines', undefined)).toBe(cursorKeyOf('machines', null));
    expect(cursorKeyOf('machines', { at: new Date('2024-01-01T00:00:00Z') })).toBe(
      cursorKeyOf('machines', { at: '2024-01-01T00:00:00.000Z' }),
    );
  });
});
