// The tables the seeded data is drawn from: who the users are and how much each holds, the
// catalogues of makes, models, providers and formats, the seasons, and the fixed shapes the
// tests rely on. src/emulator/seed.ts turns them into records; changing a table changes the data.
import type { OriginType } from '../leaf/types.js';
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

export const FILE_ORIGINS = ['provider', 'merged', 'uploaded', 'automerged'] as const;

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

export const FILE_PROVIDERS_BY_ORIGIN: Record<(typeof FILE_ORIGINS)[number], readonly (string | null)[]> = {
  provider: ['JohnDeere', 'CNHi', 'Stara', 'Trimble', 'ClimateFieldView'],
  merged: ['Leaf'],
  automerged: ['Leaf'],
  uploaded: ['AgLeader', 'Raven', 'Other', null],
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

export const IMAGE_PROPERTIES: Record<OperationType, readonly string[]> = {
  harvested: ['wetMassPerArea', 'dryVolumePerArea', 'harvestMoisture'],
  planted: ['seedRate'],
  applied: ['appliedRate'],
  tillage: ['tillageDepthActual'],
  irrigated: ['irrigationRate'],
  other: ['elevation'],
};

export const LEGEND_COLORS = ['#C80000', '#FF2800', '#FF9600', '#FFF000', '#00E600', '#00BE00', '#008200'];

export interface CatalogueEntry {
  make: string;
  model: string;
  category: string;
}

export const MACHINE_CATALOGUE: Record<string, readonly CatalogueEntry[]> = {
  JohnDeere: [
    { make: 'John Deere', model: '8R 410', category: 'Tractor' },
    { make: 'John Deere', model: 'S780', category: 'Combine' },
    { make: 'John Deere', model: 'R4038', category: 'Sprayer' },
    { make: 'John Deere', model: '9RX 640', category: 'Tractor' },
  ],
  CNHi: [
    { make: 'Case IH', model: 'Magnum 380', category: 'Tractor' },
    { make: 'Case IH', model: 'Axial-Flow 8250', category: 'Combine' },
    { make: 'Case IH', model: 'Patriot 4440', category: 'Sprayer' },
    { make: 'New Holland', model: 'CR10.90', category: 'Harvester' },
  ],
  Stara: [
    { make: 'Stara', model: 'Imperador 4000', category: 'Sprayer' },
    { make: 'Stara', model: 'Hercules 6.0', category: 'Spreader' },
  ],
  Trimble: [
    { make: 'Fendt', model: '1050 Vario', category: 'Tractor' },
    { make: 'AGCO', model: 'RoGator 1300C', category: 'Sprayer' },
    { make: 'Massey Ferguson', model: '8S.265', category: 'Tractor' },
  ],
  Leaf: [
    { make: 'Kubota', model: 'M7-172', category: 'Tractor' },
    { make: 'Claas', model: 'Lexion 8900', category: 'Combine' },
    { make: 'Homemade', model: 'Shop Trailer', category: 'Utility' },
  ],
};

export const PROVIDER_POOLED_PROVIDERS = ['JohnDeere', 'CNHi', 'Stara', 'Trimble'] as const;
export const NAME_SUFFIXES = ['#1', '#2', 'North', 'South', 'Shop', 'Big Red'];

export const IMPLEMENT_CATALOGUE = [
  { make: 'KINZE', model: '3600', category: 'Planter', name: 'Kinze 3600 Planter' },
  { make: 'JOHN DEERE', model: 'StMax150', category: 'Cotton Harvester Implement', name: 'c3po_implement' },
  { make: 'JOHN DEERE', model: '2730', category: 'Ripper', name: 'JD 2730 Ripper' },
  { make: 'GREAT PLAINS', model: 'Turbo-Max 3000', category: 'Tillage', name: 'Turbo-Max' },
  { make: 'HAGIE', model: 'STS16', category: 'Sprayer Boom', name: 'Hagie Boom' },
  { make: 'JOHN DEERE', model: '740FD', category: 'Header', name: 'Draper Header' },
] as const;

export const OPERATOR_NAMES = ['Brian O.', 'Maria S.', 'Jake T.', 'Ana P.', 'Luis R.', 'Kim W.', 'Dale H.', 'Priya N.', 'Tom B.', 'Eva L.'];

