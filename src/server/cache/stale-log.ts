// The recent invalidations, numbered, so a query can tell whether anything it read was made
// stale while it executed (its upstream reads may then predate the change): such an answer is
// sent but not stored. Bounded: a query older than the oldest entry kept is treated as overlapped.
import type { ReadTag, ReadTagSet } from '../../leaf/read-tags.js';

const KEPT = 1_024;

export class StaleLog {
  #sequence = 0;
  readonly #entries: { sequence: number; tags: readonly ReadTag[] }[] = [];

  /** The number of the latest invalidation: what a query starting now compares against later. */
  get sequence(): number {
    return this.#sequence;
  }

  note(tags: readonly ReadTag[]): void {
    this.#sequence += 1;
    this.#entries.push({ sequence: this.#sequence, tags });
    if (this.#entries.length > KEPT) this.#entries.shift();
  }

  /** True when an invalidation after `since` named one of `reads`, or may have (it is no longer kept). */
  changedSince(since: number, reads: ReadTagSet): boolean {
    if (since === this.#sequence) return false;
    const oldest = this.#entries[0]?.sequence ?? this.#sequence + 1;
    if (oldest > since + 1) return true;
    return this.#entries.some((entry) => entry.sequence > since && reads.touches(entry.tags));
  }
}
