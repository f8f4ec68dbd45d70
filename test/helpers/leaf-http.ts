// Small HTTP helpers for tests that talk to the Leaf emulator (or anything Leaf-shaped).
import { expect } from 'vitest';

export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  body: T;
}

export interface RequestOptions {
  method?: string;
  /** Bearer token; null sends no Authorization header. */
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function httpJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}

/** Asserts a JHipster problem document, as Leaf sends errors, and returns its detail. */
export function expectLeafProblem(answer: HttpAnswer, status: number, path?: string): string {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/application\/json/);
  const body = answer.body as Record<string, unknown>;
  expect(body).toMatchObject({
    type: 'https://www.jhipster.tech/problem/problem-with-message',
    status,
    message: `error.http.${status}`,
  });
  expect(typeof body['title']).toBe('string');
  expect(typeof body['detail']).toBe('string');
  if (path !== undefined) expect(body['path']).toBe(path);
  return body['detail'] as string;
}

/** `[['sort','name,asc'],['sort','id,desc']]` → `?sort=name%2Casc&sort=id%2Cdesc`. */
export function queryString(params: [string, string | number][]): string {
  if (params.length === 0) return '';
  return `?${new URLSearchParams(params.map(([key, value]) => [key, String(value)])).toString()}`;
}
