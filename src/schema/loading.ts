// Shared shapes of per-request loading. Leaf has no batch endpoints, so a batch is one call
// per distinct key, made concurrently; the undici pool bounds how many run at once.
import { LeafError } from '../leaf/errors.js';

/**
 * Runs one fetch per key. A 404 becomes null (the contract's "single lookup resolves to
 * null"); any other failure stays an Error for that key alone, so siblings still resolve.
 */
export function loadEach<T>(keys: readonly string[], fetchOne: (key: string) => Promise<T>): Promise<(T | null | Error)[]> {
  return Promise.all(
    keys.map((key) =>
      // Through a promise, so a key fetchOne refuses at once (a malformed ID) fails that key only.
      Promise.resolve(key).then(fetchOne).catch((error: unknown) => {
        if (error instanceof LeafError && error.code === 'NOT_FOUND') return null;
        return error instanceof Error ? error : new Error(String(error));
      }),
    ),
  );
}
