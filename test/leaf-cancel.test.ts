// Cancel (pure): what stops an upstream call when the caller's signal aborts.
import { describe, expect, it } from 'vitest';
import { cancelOf, type Cancel } from '../src/leaf/cancel.js';

describe('Cancel (what stops an upstream call)', () => {
  it('follows an AbortSignal with one Cancel per signal, calling each listener once', () => {
    const controller = new AbortController();
    const cancel = cancelOf(controller.signal);
    expect(cancelOf(controller.signal)).toBe(cancel);
    const heard: string[] = [];
    cancel.listen(() => heard.push('a'));
    const removeB = cancel.listen(() => heard.push('b'));
    removeB();
    controller.abort(new Error('caller left'));
    controller.abort(new Error('again'));
    expect(heard).toEqual(['a']);
    expect(cancel.cancelled).toBe(true);
    expect(cancel.reason?.message).toBe('caller left');
    // Too late to listen: the caller checks `cancelled` first, and nothing is kept.
    cancel.listen(() => heard.push('late'));
    expect(heard).toEqual(['a']);
  });

  it('is cancelled at once for a signal already aborted, with an AbortError when the reason is no Error', () => {
    const controller = new AbortController();
    controller.abort('just a string');
    const cancel = cancelOf(controller.signal);
    expect(cancel.cancelled).toBe(true);
    expect(cancel.reason?.name).toBe('AbortError');
  });
});
