// Leaf answers errors as JHipster problem documents; every emulator error goes through here.
import { STATUS_CODES } from 'node:http';

/** Leaf's JSON error body (a JHipster problem document). */
export interface LeafErrorBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  path?: string;
  message?: string;
}

export const PROBLEM_TYPE = 'https://www.jhipster.tech/problem/problem-with-message';

/** Thrown by route handlers and list parsing; the server turns it into a problem body. */
export class LeafHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    /** A JHipster error key (`eventRegisteredTwice`), answered as `message: error.<key>`. */
    readonly errorKey?: string,
  ) {
    super(detail);
    this.name = 'LeafHttpError';
  }
}

export function badRequest(detail: string): LeafHttpError {
  return new LeafHttpError(400, detail);
}

export function notFound(detail: string): LeafHttpError {
  return new LeafHttpError(404, detail);
}

export function problemBody(status: number, detail: string, path: string, errorKey?: string): Required<LeafErrorBody> {
  return {
    type: PROBLEM_TYPE,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    path,
    message: errorKey ? `error.${errorKey}` : `error.http.${status}`,
  };
}
