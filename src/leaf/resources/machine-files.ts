// One machine's files (Assets API): Leaf lists the links of a machine to its Leaf files, with
// every documented filter and sort; it has no single-record endpoint.
import { ORIGIN_TYPES, readMachineFile, readMachineFiles } from '../readers.js';
import { readTags } from '../read-tags.js';
import { recordKey } from './key.js';
import { ASSETS_PREFIX, resource } from './resource.js';

export const machineFiles = resource({
  // A machine's files fail and recover with the machine endpoints they hang from.
  group: 'machines',
  // No single-record endpoint: the link is found again in its machine's list of that file.
  key: recordKey('leafUserId', 'machineId', 'leafFileId', 'id'),
  collection: `${ASSETS_PREFIX}/users/{leafUserId}/machines/{machineId}/files`,
  read: readMachineFile,
  readList: readMachineFiles,
  shows: {
    list: ({ leafUserId, machineId }) => [readTags.user(leafUserId), readTags.machineFiles(leafUserId), readTags.machineFilesOf(machineId)],
  },
  list: {
    subject: 'machine files',
    filters: {
      leafFileId: { kind: 'leafId', description: 'Only links to this Leaf file.' },
      originType: { kind: 'oneOf', values: ORIGIN_TYPES, description: 'Links of this origin.' },
      createdTime: { kind: 'time', description: 'When Leaf created the link.' },
      startTime: { kind: 'time', description: 'When the operation started.' },
      endTime: { kind: 'time', description: 'When the operation ended.' },
      distance: { kind: 'distance', description: 'The distance travelled.' },
    },
    sorts: ['id', 'leafUserId', 'machineId', 'startTime', 'endTime', 'createdTime', 'leafFileId'],
  },
});
