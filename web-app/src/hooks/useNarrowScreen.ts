import { useSyncExternalStore } from 'react';

/** Below this width a month's grid of seven columns no longer reads; screens then list what a grid would show. */
export const NARROW_SCREEN = '(max-width: 599.98px)';

function query(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_SCREEN) : undefined;
}

function subscribe(changed: () => void): () => void {
  const list = query();
  list?.addEventListener('change', changed);
  return () => list?.removeEventListener('change', changed);
}

/** Whether the screen is phone-narrow, following a turn of the phone or a resized window. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
