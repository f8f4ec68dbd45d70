// Machine input checked and normalized before anything is sent to Leaf (contract section 7).
import type { LeafMachineInput } from '../../leaf/types.js';
import { ValidationError, type ValidationIssue } from '../errors.js';

/** The text fields of a machine a client may write, in the order their issues are reported. */
export const MACHINE_TEXT_FIELDS = ['name', 'serialNumber', 'vin', 'model', 'make', 'category'] as const;
export type MachineTextField = (typeof MACHINE_TEXT_FIELDS)[number];

/** What a client may send, as GraphQL hands it over (null where a field was sent as null). */
export type MachineInputShape = { [K in MachineTextField]?: string | null } & { modelYear?: number | null };

export const MAX_TEXT_LENGTH = 255;
export const MIN_MODEL_YEAR = 1900;

/** Model years run ahead of the calendar, but not by more than a year or two. */
export function maxModelYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 2;
}

/**
 * Checks and normalizes machine input before anything is sent to Leaf: strings trimmed and
 * non-empty, modelYear a plausible year; an update must change something, and null (which
 * Leaf documents no meaning for) is refused there rather than silently dropped.
 */
export function validateMachineInput(input: MachineInputShape, mode: 'create' | 'update', now?: Date): LeafMachineInput {
  const issues: ValidationIssue[] = [];
  const body: LeafMachineInput = {};
  for (const field of MACHINE_TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined || (value === null && mode === 'create')) continue;
    if (value === null) {
      issues.push({ field, message: `\`${field}\` cannot be null: omit it to leave it unchanged.` });
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === '') issues.push({ field, message: `\`${field}\` must not be empty.` });
    else if (trimmed.length > MAX_TEXT_LENGTH) issues.push({ field, message: `\`${field}\` must be at most ${MAX_TEXT_LENGTH} characters.` });
    else body[field] = trimmed;
  }
  const year = input.modelYear;
  if (year === null && mode === 'update') {
    issues.push({ field: 'modelYear', message: '`modelYear` cannot be null: omit it to leave it unchanged.' });
  } else if (year !== null && year !== undefined) {
    const latest = maxModelYear(now);
    if (!Number.isInteger(year) || year < MIN_MODEL_YEAR || year > latest) {
      issues.push({ field: 'modelYear', message: `\`modelYear\` must be a year from ${MIN_MODEL_YEAR} to ${latest}.` });
    } else body.modelYear = year;
  }
  if (mode === 'update' && issues.length === 0 && Object.keys(body).length === 0) {
    issues.push({ field: 'input', message: 'Give at least one field to change.' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return body;
}
