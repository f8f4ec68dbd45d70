// Structured logs: one JSON object per line (or plain text for a terminal), with the request
// id on every line that belongs to a request. Also Yoga's logger, so its own messages match.
import type { YogaLogger } from 'graphql-yoga';
import type { Config } from '../../config.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger extends YogaLogger {
  /** One structured event: `msg` plus fields (requestId, operationName, durationMs, ...). */
  log(level: LogLevel, msg: string, fields?: LogFields): void;
  enabled(level: LogLevel): boolean;
}

const RANK: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Errors as data: name and message always; the stack stays in logs, never in responses. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const cause = (value as { originalError?: unknown }).originalError ?? value.cause;
    return {
      name: value.name,
      message: value.message,
      ...(value.stack ? { stack: value.stack } : {}),
      ...(cause !== undefined && cause !== null ? { cause: plain(cause) } : {}),
    };
  }
  return value;
}

function textLine(time: string, level: LogLevel, msg: string, fields: LogFields): string {
  const rest = Object.entries(fields)
    // Bare only when it cannot be mistaken for another field or line (client-sent text can).
    .map(([key, value]) => `${key}=${typeof value === 'string' && /^[\w.:/@{}-]+$/.test(value) ? value : JSON.stringify(plain(value))}`)
    .join(' ');
  return `${time} ${level.toUpperCase()} ${msg}${rest ? ` ${rest}` : ''}`;
}

let stdoutLines: ((line: string) => void) | null = null;

/**
 * Lines to stdout, written together once per turn of the event loop: on Linux a write to a pipe
 * or a file is a system call made there and then, and under load the request log wrote one per
 * request. Whatever is pending when the process exits (a crash included) is written on 'exit'.
 * One per process, as stdout is.
 */
function toStdout(): (line: string) => void {
  if (stdoutLines) return stdoutLines;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', flush);
  stdoutLines = (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
  return stdoutLines;
}

/**
 * `line` with the defined values of `fields`, made plain, set on it in place (no array of
 * entries, no copy): this runs once a request.
 */
function withFields(line: LogFields, fields: LogFields): LogFields {
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) line[key] = plain(value);
  }
  return line;
}

export function createLogger(options: {
  level: Config['logLevel'];
  format: 'json' | 'text';
  /** Where finished lines go; stdout by default (tests collect them). */
  write?: (line: string) => void;
}): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? toStdout();
  const enabled = (level: LogLevel) => RANK[level] >= threshold;

  function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (!enabled(level)) return;
    const time = new Date().toISOString();
    write(options.format === 'json' ? JSON.stringify(withFields({ time, level, msg }, fields)) : textLine(time, level, msg, withFields({}, fields)));
  }

  // Yoga calls these with free-form arguments: the first string is the message, an Error or
  // object becomes a field.
  const yoga =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      if (!enabled(level)) return;
      const message = args.find((arg): arg is string => typeof arg === 'string') ?? '';
      const extra = args.filter((arg) => typeof arg !== 'string');
      const error = extra.find((arg) => arg instanceof Error);
      const others = extra.filter((arg) => arg !== error);
      log(level, message || (error instanceof Error ? error.message : 'yoga'), {
        ...(error !== undefined ? { error } : {}),
        ...(others.length > 0 ? { details: others } : {}),
      });
    };

  return { log, enabled, debug: yoga('debug'), info: yoga('info'), warn: yoga('warn'), error: yoga('error') };
}
