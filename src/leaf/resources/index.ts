// Every Leaf resource the gateway calls, one declaration each.
export { machines } from './machines.js';
export { machineFiles } from './machine-files.js';
export { implementsResource } from './implements.js';
export { operators } from './operators.js';
export { files, fileImages } from './files.js';
export { operations, operationSummaries } from './operations.js';
export { points } from './points.js';
