// Written by `npm run codegen` (src/codegen/modules.ts): every module of a domain folder of
// src/schema/ (each subfolder but relay/), imported for the types and fields it adds to the
// builder. Keeps its order; a new module is appended. test/modules.test.ts fails when stale.
import './users/types.js';
import './machines/types.js';
import './machines/connection.js';
import './machines/machine-files.js';
import './machines/inputs.js';
import './machines/mutations.js';
import './implements/types.js';
import './operators/types.js';
import './files/leaf-file.js';
import './files/summary.js';
import './files/points.js';
import './files/operation.js';
import './events/types.js';
import './assets/asset.js';
import './events/subscribe.js';
import './files/geojson.js';
import './machines/validation.js';
import './machines/writes.js';
