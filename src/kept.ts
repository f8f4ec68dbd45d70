// Values made from a string and kept for reuse, up to a bound: the memos of the hot paths (read
// tags, global IDs, cursor digests), whose inputs come back request after request. Past the
// bound every kept value is let go at once: cheaper per lookup than a least-recently-used
// cache's bookkeeping, and a value made again is the same value.

/** `make`, with each answer kept by its input until `limit` are kept; then all are let go. */
export function keptBy<V>(limit: number, make: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= limit) kept.clear();
      value = make(key);
      kept.set(key, value);
    }
    return value;
  };
}
