import { useEffect, useEffectEvent } from 'react';

/**
 * How often the board reads its staffing again while offers are open and the page is seen (see useRefreshWhile):
 * often enough that an answer shows within seconds.
 */
export const OPEN_OFFERS_REFRESH_MS = 5_000;

/**
 * Runs `refresh` every `ms` while `active` and the page is visible, and once when it becomes visible again. For data
 * that changes without a notice to this person: a volunteer accepting tells the volunteer, not the coordinator.
 */
export function useRefreshWhile(active: boolean, ms: number, refresh: () => void): void {
  const run = useEffectEvent(() => refresh());
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) run();
    }, ms);
    const shown = () => {
      if (visible()) run();
    };
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [active, ms]);
}
