// The trusted documents: the client operations `npm run codegen` hashes into a JSON store
// (hash → document text). Ids are SHA-256 hex digests, with or without the "sha256:" prefix
// of the GraphQL-over-HTTP persisted-documents appendix (codegen writes it; Apollo's
// `sha256Hash` omits it), so both spellings find the same document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../config.js';

/** Written by `npm run codegen` from operations/*.graphql (src/server/persisted → repository root). */
export const DEFAULT_DOCUMENTS_FILE = fileURLToPath(new URL('../../../operations/__generated__/persisted-documents.json', import.meta.url));

export type TrustedDocuments = ReadonlyMap<string, string>;

/** The bare hex digest of a document id. */
export function documentHash(id: string): string {
  return id.replace(/^sha256:/i, '').toLowerCase();
}

/**
 * Reads a JSON store; `explicitPath` null reads the generated one, or none when it is
 * missing (a checkout that never ran codegen still serves every other request).
 */
export function loadTrustedDocuments(explicitPath: string | null): TrustedDocuments {
  const path = explicitPath ?? DEFAULT_DOCUMENTS_FILE;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (explicitPath === null) return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const entries = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
  if (!entries || entries.some(([, document]) => typeof document !== 'string')) {
    throw new ConfigError('PERSISTED_DOCUMENTS', 'a JSON object of document hashes to document texts', path);
  }
  return new Map(entries.map(([id, document]) => [documentHash(id), document as string]));
}
