import { withoutNulls } from '../api/client';
import type { InboxEntry } from '../api/types';

/**
 * The person's new notices, live: notification-service's `GET /api/inbox/stream` (Server-Sent Events through the
 * gateway, same origin, so the session cookie goes along). Each new inbox entry comes as `event: notice` with the
 * entry as JSON; comments open the stream and keep it alive. The server ends a stream when the token it was opened
 * with expires, after an `event: token-expired`; it allows a person a few streams at most (429 above that), and it
 * does not replay what came while no stream was open. So: reconnect after an end, with back-off after failures,
 * and tell the screens to read their data again after every reconnection ("resync").
 */
export type LiveState =
  | { status: 'connecting' }
  | { status: 'live' }
  | { status: 'waiting'; retryAt: number }
  | { status: 'unsupported' };

/** What the stream needs of an EventSource (tests stand in for it). */
export interface StreamSource {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface StreamOptions {
  url?: string;
  /** Opens the connection; undefined when the browser has no EventSource. */
  open?: ((url: string) => StreamSource) | undefined;
  now?: () => number;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const STREAM_PATH = '/api/inbox/stream';
/** The first wait after a failure; it doubles with each failure in a row, up to the longest. */
export const FIRST_RETRY_MS = 1_000;
export const LONGEST_RETRY_MS = 60_000;
/** A stream that lasted this long was healthy: its end starts the back-off afresh. */
export const HEALTHY_MS = 30_000;
/** After a healthy stream's token expired: come back at once, the gateway has a fresh token by then. */
export const RENEW_MS = 500;

/** How long to wait before the next attempt after `failures` failures in a row: 1 s, 2 s, 4 s … 60 s, ±20 %. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures));
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(LONGEST_RETRY_MS, jittered));
}

/** A notice's data as the stream sends it; undefined when it is not an inbox entry. */
export function parseNotice(data: string): InboxEntry | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return undefined;
    }
    return withoutNulls(parsed as InboxEntry);
  } catch {
    return undefined;
  }
}

type Listener<T> = (value: T) => void;

function browserEventSource(): ((url: string) => StreamSource) | undefined {
  if (typeof globalThis.EventSource !== 'function') {
    return undefined;
  }
  return (url) => new EventSource(url);
}

export class InboxStream {
  private readonly url: string;
  private readonly openSource: ((url: string) => StreamSource) | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  private current: LiveState;
  private source: StreamSource | null = null;
  private timer: unknown = null;
  private failures = 0;
  private openedAt: number | undefined;
  private openedBefore = false;
  private running = false;
  /** Coming back at once after a token's routine expiry: the state stays "live", nobody is told of a pause. */
  private renewing = false;

  private readonly stateListeners = new Set<Listener<LiveState>>();
  private readonly noticeListeners = new Set<Listener<InboxEntry>>();
  private readonly resyncListeners = new Set<Listener<void>>();

  constructor(options: StreamOptions = {}) {
    this.url = options.url ?? STREAM_PATH;
    this.openSource = 'open' in options ? options.open : browserEventSource();
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    this.current = this.openSource === undefined ? { status: 'unsupported' } : { status: 'connecting' };
  }

  get state(): LiveState {
    return this.current;
  }

  /** Opens the stream (once; calling it again does nothing). */
  start(): void {
    if (this.running || this.openSource === undefined) {
      return;
    }
    this.running = true;
    this.connect();
  }

  /** Closes the stream and stops reconnecting. */
  stop(): void {
    this.running = false;
    this.cancelTimer();
    this.closeSource();
  }

  /** Tries again now instead of waiting out the back-off (the browser came back online). */
  retryNow(): void {
    if (this.running && this.current.status === 'waiting') {
      this.cancelTimer();
      this.connect();
    }
  }

  onState(listener: Listener<LiveState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onNotice(listener: Listener<InboxEntry>): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** After a reconnection: notices may have come while no stream was open, so read the data again. */
  onResync(listener: Listener<void>): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  private setState(next: LiveState): void {
    this.current = next;
    this.stateListeners.forEach((listener) => listener(next));
  }

  private connect(): void {
    if (this.openSource === undefined) {
      return;
    }
    this.closeSource();
    this.openedAt = undefined;
    if (!this.renewing) {
      this.setState({ status: 'connecting' });
    }
    let source: StreamSource;
    try {
      source = this.openSource(this.url);
    } catch {
      this.ended('failed');
      return;
    }
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.openedAt = this.now();
      this.renewing = false;
      this.setState({ status: 'live' });
      if (this.openedBefore) {
        this.resyncListeners.forEach((listener) => listener());
      }
      this.openedBefore = true;
    };
    source.addEventListener('notice', (event) => {
      if (this.source !== source) return;
      const entry = parseNotice(event.data);
      if (entry !== undefined) {
        this.noticeListeners.forEach((listener) => listener(entry));
      }
    });
    source.addEventListener('token-expired', () => {
      if (this.source === source) this.ended('expired');
    });
    // An answer that is not a stream (401, 429, the gateway down) or a dropped connection. The browser would
    // retry a dropped one by itself every few seconds: this closes it and retries with back-off instead.
    source.onerror = () => {
      if (this.source === source) this.ended('failed');
    };
  }

  private ended(why: 'expired' | 'failed'): void {
    this.closeSource();
    if (!this.running) {
      return;
    }
    const healthy = this.openedAt !== undefined && this.now() - this.openedAt >= HEALTHY_MS;
    if (healthy) {
      this.failures = 0;
    }
    this.renewing = why === 'expired' && healthy;
    const delay = this.renewing ? RENEW_MS : retryDelay(this.failures++, this.random);
    if (!this.renewing) {
      this.setState({ status: 'waiting', retryAt: this.now() + delay });
    }
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (this.running) this.connect();
    }, delay);
  }

  private closeSource(): void {
    const source = this.source;
    this.source = null;
    if (source !== null) {
      source.onopen = null;
      source.onerror = null;
      source.close();
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }
}
