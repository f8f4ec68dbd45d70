// The tables the seeded data is drawn from: who the users are and how much each holds, the
// seasons, the formats and names the simulated activity draws from too, and the fixed shapes
// the tests rely on. The catalogues only one resource draws from are in its file
// (src/emulator/resources/); changing a table changes the data.
import type { OperationType } from './summaries.js';

export type Scale = 'demo' | 'large';
export const SCALES: readonly Scale[] = ['demo', 'large'];

/** Fixed, memorable ids so demos and docs can name them. */
export const DEMO_USER_IDS = {
  /** Owned by `demo-token`. */
  prairieFarms: '11111111-1111-4111-8111-111111111111',
  /** Owned by `demo-token`. */
  riverBend: '22222222-2222-4222-8222-222222222222',
  /** Owned by `other-token`: the user the demo token must not see. */
  otherFarm: '33333333-3333-4333-8333-333333333333',
  /** Owned by `bench-token`, only at `large` scale. */
  bench: '44444444-4444-4444-8444-444444444444',
} as const;

export const DEMO_TOKEN = 'demo-token';
export const OTHER_TOKEN = 'other-token';
export const BENCH_TOKEN = 'bench-token';

/** Where file and image download URLs point; never resolvable, never the emulator itself. */
export const FILES_HOST = 'https://files.leaf-emulator.invalid';

export interface UserProfile {
  leafUserId: string;
  apiOwnerUsername: string;
  seed: number;
  machines: number;
  implements: number;
  operators: number;
  files: number;
  fields: number;
  /** Inclusive bounds of machine-file links per machine. */
  linksPerMachine: readonly [number, number];
  /** Inclusive bounds of files merged into one field operation. */
  filesPerOperation: readonly [number, number];
}

/** How much each demo user holds, at every scale (tests count against it). */
export const DEMO_USER_SIZE = {
  machines: 45,
  implements: 25,
  operators: 12,
  files: 100,
  fields: 12,
  linksPerMachine: [0, 6],
  filesPerOperation: [2, 7],
} as const satisfies Omit<UserProfile, 'leafUserId' | 'apiOwnerUsername' | 'seed'>;

function demoProfile(leafUserId: string, apiOwnerUsername: string, seed: number): UserProfile {
  return { leafUserId, apiOwnerUsername, seed, ...DEMO_USER_SIZE };
}

/** The demo users, seeded in this order at every scale. */
export const DEMO_PROFILES: readonly UserProfile[] = [
  demoProfile(DEMO_USER_IDS.prairieFarms, 'prairie@leaf-emulator.invalid', 1001),
  demoProfile(DEMO_USER_IDS.riverBend, 'riverbend@leaf-emulator.invalid', 2002),
  demoProfile(DEMO_USER_IDS.otherFarm, 'other@leaf-emulator.invalid', 3003),
];

/** Who may read whom, at every scale; BENCH_TOKEN joins them at `large` scale. */
export const DEMO_TOKENS = [
  { token: DEMO_TOKEN, leafUserIds: [DEMO_USER_IDS.prairieFarms, DEMO_USER_IDS.riverBend] },
  { token: OTHER_TOKEN, leafUserIds: [DEMO_USER_IDS.otherFarm] },
] as const;

/**
 * Fixed shapes the tests rely on, in every user's data. Positions count in seeding order
 * (not the id order lists are served in).
 */
export const FIXED_SHAPES = {
  /** The machine that links no file. */
  machineWithoutFiles: 1,
  /** The machine that links the most files: `mostLinks`, or the profile's top when that is more (no demo machine links more). */
  machineWithMostFiles: 2,
  mostLinks: 8,
  /** These machines (first to last, inclusive) all link the user's first file, so loaders must batch by file id. */
  machinesSharingFirstFile: [3, 6],
  /** Every `every`-th file from `at` on has no summary or standard GeoJSON yet (Leaf has not processed it). */
  unprocessedFiles: { every: 13, at: 7 },
  /** Every `every`-th file from `at` on carries a summary property Leaf does not document. */
  undocumentedSummaryExtras: { every: 17, at: 3 },
} as const;

export const BENCH_PROFILE: UserProfile = {
  leafUserId: DEMO_USER_IDS.bench,
  apiOwnerUsername: 'bench@leaf-emulator.invalid',
  seed: 4004,
  machines: 1200,
  implements: 300,
  operators: 150,
  files: 3000,
  fields: 120,
  linksPerMachine: [3, 15],
  filesPerOperation: [4, 14],
};

export const SEASON_START = Date.UTC(2019, 0, 1);
export const SEASON_END = Date.UTC(2025, 11, 31, 23, 59, 59);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Months (0-based) in which each operation type plausibly happens. */
export const SEASON_MONTHS: Record<OperationType, readonly number[]> = {
  harvested: [8, 9, 10],
  planted: [3, 4],
  applied: [4, 5, 6],
  tillage: [2, 9, 10],
  irrigated: [5, 6, 7],
  other: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
};

export const FILE_FORMATS: Record<string, readonly string[]> = {
  JohnDeere: ['JD', 'ADAPT'],
  CNHi: ['CN1'],
  Stara: ['STARA'],
  Trimble: ['AgData', 'TRIMBLE'],
  ClimateFieldView: ['GEOJSON'],
  Leaf: ['GEOJSON'],
  AgLeader: ['ILF'],
  Raven: ['ISOXML'],
  Other: ['SHAPEFILE'],
};

export const NAME_SUFFIXES = ['#1', '#2', 'North', 'South', 'Shop', 'Big Red'];
