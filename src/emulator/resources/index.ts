// Written by `npm run codegen` (src/codegen/modules.ts): every file of this folder that
// default-exports an emulatorResource, in the order they seed. A new one is appended, so the
// records seeded before it keep theirs; test/modules.test.ts fails when this list is stale.
import filesResource from './files.js';
import machinesResource from './machines.js';
import machineFilesResource from './machine-files.js';
import implementsResource from './implements.js';
import operatorsResource from './operators.js';
import operationsResource from './operations.js';
import type { EmulatorResource } from './resource.js';

export const EMULATOR_RESOURCES: readonly EmulatorResource[] = [filesResource, machinesResource, machineFilesResource, implementsResource, operatorsResource, operationsResource];
