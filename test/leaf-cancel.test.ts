// Cancel (pure): what stops an upstream call when the caller's signal aborts, or its request's deadline passes.
import { describe, expect, it, vi } from 'vitest';
import { cancelOf, DeadlineExceeded, RequestDeadline, type Cancel } from '../src/leaf/cancel.js';

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

describe('RequestDeadline (one request: its caller and its deadline)', () => {
  it('gives up when armed time passes, with DeadlineExceeded, and not once disarmed', () => {
    vi.useFakeTimers();
    try {
      const deadline = new RequestDeadline(new AbortController().signal);
      const heard: unknown[] = [];
      deadline.listen(() => heard.push(deadline.reason));
      deadline.arm(1_000);
      vi.advanceTimersByTime(999);
      expect(deadline.cancelled).toBe(false);
      vi.advanceTimersByTime(1);
      expect(deadline.cancelled).toBe(true);
      expect(heard).toEqual([new DeadlineExceeded(1_000)]);

      const answered = new RequestDeadline();
      answered.arm(1_000);
      answered.disarm();
      vi.advanceTimersByTime(5_000);
      expect(answered.cancelled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows its caller hanging up, before or after it is asked, with the caller’s reason', () => {
    const early = new AbortController();
    early.abort(new Error('gone'));
    expect(new RequestDeadline(early.signal).reason?.message).toBe('gone');

    const late = new AbortController();
    const deadline = new RequestDeadline(late.signal);
    let heard = 0;
    deadline.listen(() => (heard += 1));
    late.abort();
    expect(deadline.cancelled).toBe(true);
    expect(deadline.reason?.name).toBe('AbortError');
    expect(heard).toBe(1);
  });
});
