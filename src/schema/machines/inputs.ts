// CreateMachineInput and UpdateMachineInput: the same fields, written once; only `name`
// differs (required on create). validation.ts checks what arrives in them.
import { builder } from '../builder.js';
import { MACHINE_TEXT_FIELDS, MAX_TEXT_LENGTH, MIN_MODEL_YEAR, type MachineTextField } from './validation.js';

const DESCRIPTIONS: Record<MachineTextField, string> = {
  name: 'Machine name.',
  serialNumber: 'Serial number.',
  vin: 'Vehicle Identification Number.',
  model: 'Model name.',
  make: 'Manufacturer.',
  category: 'Machine category, e.g. Harvester, Sprayer.',
};

function machineInput(name: string, description: string, required: readonly MachineTextField[]) {
  return builder.inputType(name, {
    description,
    fields: (t) => ({
      ...Object.fromEntries(
        MACHINE_TEXT_FIELDS.map((field) => [field, t.string({ required: required.includes(field), description: DESCRIPTIONS[field] })]),
      ),
      modelYear: t.int({ description: `Model year, from ${MIN_MODEL_YEAR} to two years ahead of today.` }),
    }),
  });
}

export const CreateMachineInput = machineInput(
  'CreateMachineInput',
  `A new machine. Strings are trimmed and must not be empty (at most ${MAX_TEXT_LENGTH} characters); null means not given.`,
  ['name'],
);

export const UpdateMachineInput = machineInput(
  'UpdateMachineInput',
  'Changes to a USER_CREATED machine: only the fields given change. At least one field; strings trimmed and non-empty; null is refused (omit the field instead).',
  [],
);
