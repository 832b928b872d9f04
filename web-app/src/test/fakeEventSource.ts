import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { StreamSource } from '../live/inboxStream';

type Listener = (event: MessageEvent<string>) => void;

/** Stands in for the browser's EventSource: tests open, feed, expire and break the stream by hand. */
export class FakeEventSource implements StreamSource {
  static instances: FakeEventSource[] = [];

  readonly url: string;
  readyState = 0;
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1);
    if (latest === undefined) {
      throw new Error('No EventSource was opened');
    }
    return latest;
  }

  addEventListener(type: string, listener: Listener): void {
    const known = this.listeners.get(type) ?? new Set<Listener>();
    known.add(listener);
    this.listeners.set(type, known);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: string): void {
    this.listeners.get(type)?.forEach((listener) => listener(new MessageEvent(type, { data })));
  }

  notice(entry: unknown): void {
    this.emit('notice', JSON.stringify(entry));
  }

  expire(): void {
    this.emit('token-expired', '');
  }

  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

/** Installs the stand-in as the browser's EventSource for one test. */
export function stubEventSource(): typeof FakeEventSource {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return FakeEventSource;
}

/** Does something to the stream inside act(), so that React has rendered what follows from it. */
export function onStream(change: (source: FakeEventSource) => void): void {
  act(() => change(FakeEventSource.latest()));
}
