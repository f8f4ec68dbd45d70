// A file's standard GeoJSON points (src/leaf/points.ts streams them): Leaf chooses their URL
// (`downloadStandardGeojson`), so the resource has no path template of its own.
export const points = {
  /**
   * A points file is a long stream from Leaf's file storage: its failures neither refuse the
   * `files` group's small reads (file records, summaries) nor the reverse.
   */
  group: 'points',
  /** How metrics and traces name the call, since no path template fits. */
  endpoint: '{file.downloadStandardGeojson}',
  accept: 'application/geo+json, application/json',
  /**
   * Its own undici pool of this many connections: a parked cursor holds its connection between
   * pages, so on the shared pool parked reads would take the connections record reads wait for
   * (measured in docs/architecture.md, "Why points have a pool of their own").
   */
  connections: 64,
} as const;

/** A streamed resource: its breaker group, metric name, Accept header and own pool's size. */
export type StreamedResource = typeof points;
