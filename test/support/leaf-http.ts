// What the tests of the Leaf emulator (or anything Leaf-shaped) check on its answers.
import { expect } from 'vitest';
import type { HttpAnswer } from './http.js';

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
