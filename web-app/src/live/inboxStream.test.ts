import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../test/fakeEventSource';
import { HEALTHY_MS, InboxStream, LONGEST_RETRY_MS, parseNotice, RENEW_MS, retryDelay, type LiveState } from './inboxStream';

/** A stream with a clock and timers the test moves by hand. */
function harness() {
  let clock = 1_000_000;
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const sources: FakeEventSource[] = [];
  const states: LiveState['status'][] = [];
  const stream = new InboxStream({
    open: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    now: () => clock,
    random: () => 0.5,
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  stream.onState((state) => states.push(state.status));
  return {
    stream,
    sources,
    timers,
    states,
    latest: () => {
      const source = sources.at(-1);
      if (source === undefined) throw new Error('nothing opened');
      return source;
    },
    advance: (ms: number) => {
      clock += ms;
    },
    /** Runs the timer that is waiting, as if its time had come. */
    fire: () => {
      const waiting = timers.filter((timer) => !timer.cleared);
      const next = waiting.at(-1);
      if (next === undefined) throw new Error('no timer waits');
      next.cleared = true;
      clock += next.ms;
      next.run();
    },
  };
}

describe('the back-off', () => {
  it('doubles from one second to at most a minute', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((failures) => retryDelay(failures, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads tabs apart by up to a fifth either way, never past the longest', () => {
    expect(retryDelay(2, () => 0)).toBe(3_200);
    expect(retryDelay(2, () => 1)).toBe(4_800);
    expect(retryDelay(10, () => 1)).toBe(LONGEST_RETRY_MS);
  });
});

describe('reading notices', () => {
  it('takes an inbox entry and drops its nulls', () => {
    expect(parseNotice('{"id":"n-1","kind":"PLACE_MOVED","readAt":null}')).toEqual({ id: 'n-1', kind: 'PLACE_MOVED' });
  });

  it('ignores what is not one', () => {
    expect(parseNotice('not json')).toBeUndefined();
    expect(parseNotice('[1,2]')).toBeUndefined();
    expect(parseNotice('null')).toBeUndefined();
  });
});

describe('the inbox stream', () => {
  it('opens one stream on the inbox, is live once it opens and passes each notice on', () => {
    const { stream, sources, states, latest } = harness();
    const notices: unknown[] = [];
    stream.onNotice((entry) => notices.push(entry));
    stream.start();
    stream.start();
    expect(sources).toHaveLength(1);
    expect(latest().url).toBe('/api/inbox/stream');
    expect(stream.state.status).toBe('connecting');

    latest().open();
    expect(stream.state.status).toBe('live');
    latest().notice({ id: 'n-1', kind: 'ASSIGNMENT_OFFERED', title: 'You are offered', readAt: null });
    latest().emit('notice', 'garbage');
    expect(notices).toEqual([{ id: 'n-1', kind: 'ASSIGNMENT_OFFERED', title: 'You are offered' }]);
    expect(states).toEqual(['connecting', 'live']);
  });

  it('waits longer after each failure in a row, and reads again after it is back', () => {
    const { stream, sources, timers, latest, fire } = harness();
    let resyncs = 0;
    stream.onResync(() => (resyncs += 1));
    stream.start();
    latest().fail();
    expect(latest().closed).toBe(true);
    expect(stream.state.status).toBe('waiting');
    expect(timers.at(-1)?.ms).toBe(1_000);

    fire();
    expect(sources).toHaveLength(2);
    latest().fail();
    expect(timers.at(-1)?.ms).toBe(2_000);
    fire();
    latest().fail();
    expect(timers.at(-1)?.ms).toBe(4_000);

    fire();
    latest().open();
    // The first connection never opened: this is the first that did, so nothing was missed since an earlier one.
    expect(resyncs).toBe(0);
    expect(stream.state).toEqual({ status: 'live' });
  });

  it('comes back at once when a healthy stream’s token expired, still live, and tells the screens to read again', () => {
    const { stream, sources, timers, states, latest, advance, fire } = harness();
    let resyncs = 0;
    stream.onResync(() => (resyncs += 1));
    stream.start();
    latest().open();
    advance(HEALTHY_MS + 1);
    latest().expire();
    expect(latest().closed).toBe(true);
    expect(timers.at(-1)?.ms).toBe(RENEW_MS);
    fire();
    expect(sources).toHaveLength(2);
    latest().open();
    expect(resyncs).toBe(1);
    // A routine renewal is no news: the indicator does not flicker, screen readers hear nothing.
    expect(states).toEqual(['connecting', 'live', 'live']);
  });

  it('says it waits when a renewal fails', () => {
    const { stream, latest, advance, fire } = harness();
    stream.start();
    latest().open();
    advance(HEALTHY_MS + 1);
    latest().expire();
    fire();
    latest().fail();
    expect(stream.state.status).toBe('waiting');
  });

  it('backs off when streams keep ending as soon as they open', () => {
    const { stream, timers, latest, fire } = harness();
    stream.start();
    latest().open();
    latest().expire();
    expect(timers.at(-1)?.ms).toBe(1_000);
    fire();
    latest().open();
    latest().fail();
    expect(timers.at(-1)?.ms).toBe(2_000);
  });

  it('starts the back-off afresh after a healthy stream breaks', () => {
    const { stream, timers, latest, advance, fire } = harness();
    stream.start();
    latest().fail();
    fire();
    latest().fail();
    fire();
    latest().open();
    advance(HEALTHY_MS);
    latest().fail();
    expect(timers.at(-1)?.ms).toBe(1_000);
  });

  it('tries again at once when asked while it waits', () => {
    const { stream, sources, timers, latest } = harness();
    stream.start();
    latest().fail();
    stream.retryNow();
    expect(sources).toHaveLength(2);
    expect(timers.at(-1)?.cleared).toBe(true);
    stream.retryNow();
    expect(sources).toHaveLength(2);
  });

  it('closes and stays closed when stopped', () => {
    const { stream, sources, timers, latest } = harness();
    stream.start();
    latest().open();
    stream.stop();
    expect(latest().closed).toBe(true);
    latest().fail();
    expect(timers).toHaveLength(0);
    expect(sources).toHaveLength(1);
  });

  it('stops a waiting reconnection when stopped', () => {
    const { stream, timers, latest } = harness();
    stream.start();
    latest().fail();
    stream.stop();
    expect(timers.at(-1)?.cleared).toBe(true);
  });

  it('says so where the browser has no EventSource', () => {
    const stream = new InboxStream({ open: undefined });
    stream.start();
    expect(stream.state).toEqual({ status: 'unsupported' });
  });
});
