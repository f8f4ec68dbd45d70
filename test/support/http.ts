// The one HTTP sender of the tests: the emulator's tests and the stack's gateway requests both
// go through it, so every answer has the same shape (status, headers, text, parsed body).

export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  body: T;
}

export interface RequestOptions {
  /** GET unless given. */
  method?: string;
  /** Bearer token; null (or absent) sends no Authorization header. */
  token?: string | null;
  /** A string is sent as it is; anything else as JSON. Either is labelled application/json unless `headers` say otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function httpJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}
