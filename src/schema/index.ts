// Imports every domain (each registers its types on the builder) and builds the schema.
import { builder } from './builder.js';
import './users/types.js';
import './machines/types.js';
import './machines/connection.js';
import './machines/machine-files.js';
import './machines/mutations.js';
import './implements/types.js';
import './operators/types.js';
import './files/operation.js';
import './files/points.js';

export const schema = builder.toSchema({ sortSchema: false });
