// Fault injection: rules matched in insertion order, each good for `times` requests.

export interface FaultRule {
  /** Match only this method (default any). */
  method?: string;
  /** A string matches as a substring of the pathname; a RegExp is tested on it. */
  path?: string | RegExp;
  /** How many matching requests it affects (default: unlimited). */
  times?: number;
  /** Fraction of matching requests it affects, drawn at random per request (default 1: all). */
  chance?: number;
  /** Answer this status with a Leaf-style error body. */
  status?: number;
  /** Seconds, sent as Retry-After with `status`. */
  retryAfter?: number;
  /** Extra delay before answering; alone, the answer is otherwise normal. */
  delayMs?: number;
  /** Answer 200 with a truncated, unparseable JSON body (status wins when both are set). */
  malformed?: boolean;
  /** Destroy the socket without answering. */
  drop?: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultRules {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): () => void {
    validateFaultRule(rule);
    const active: ActiveRule = { rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((candidate) => candidate !== active);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /** The first matching rule with uses left, spending one of them. */
  take(method: string, pathname: string): FaultRule | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, method, pathname)) continue;
      if (active.rule.chance !== undefined && Math.random() >= active.rule.chance) continue;
      active.remaining -= 1;
      return active.rule;
    }
    return undefined;
  }
}

function matches(rule: FaultRule, method: string, pathname: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === 'string') return pathname.includes(rule.path);
  // A global or sticky RegExp remembers lastIndex between tests; start over each time.
  rule.path.lastIndex = 0;
  return rule.path.test(pathname);
}

function isNonNegative(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Throws a TypeError naming the first invalid field. */
export function validateFaultRule(rule: FaultRule): void {
  const problems: string[] = [];
  if (rule.method !== undefined && typeof rule.method !== 'string') problems.push('method must be a string');
  if (rule.path !== undefined && typeof rule.path !== 'string' && !(rule.path instanceof RegExp)) {
    problems.push('path must be a string or RegExp');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) problems.push('times must be an integer >= 0');
  if (rule.chance !== undefined && !(isNonNegative(rule.chance) && rule.chance <= 1)) problems.push('chance must be a number from 0 to 1');
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599)) {
    problems.push('status must be an HTTP status code');
  }
  if (rule.retryAfter !== undefined && !isNonNegative(rule.retryAfter)) problems.push('retryAfter must be a number >= 0');
  if (rule.delayMs !== undefined && !isNonNegative(rule.delayMs)) problems.push('delayMs must be a number >= 0');
  if (rule.malformed !== undefined && typeof rule.malformed !== 'boolean') problems.push('malformed must be a boolean');
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') problems.push('drop must be a boolean');
  if (problems.length > 0) throw new TypeError(`Invalid fault rule: ${problems.join('; ')}`);
}

/** A fault rule from JSON (the control API), where path can only be a string. */
export function faultRuleFromJson(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('A fault rule must be a JSON object');
  const rule = value as FaultRule;
  if (rule.path !== undefined && typeof rule.path !== 'string') throw new TypeError('Invalid fault rule: path must be a string');
  validateFaultRule(rule);
  const known: (keyof FaultRule)[] = ['method', 'path', 'times', 'chance', 'status', 'retryAfter', 'delayMs', 'malformed', 'drop'];
  return Object.fromEntries(known.filter((key) => rule[key] !== undefined).map((key) => [key, rule[key]])) as FaultRule;
}
