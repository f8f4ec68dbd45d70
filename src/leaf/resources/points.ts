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
} as const;
