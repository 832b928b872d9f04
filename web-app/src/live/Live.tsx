import { createContext, useContext, useEffect, useEffectEvent, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { InboxEntry } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { InboxStream, type LiveState } from './inboxStream';

const LiveContext = createContext<InboxStream | null>(null);
const UNSUPPORTED: LiveState = { status: 'unsupported' };

/**
 * The tab's one inbox stream, opened when the shell mounts (after sign-in) and closed when it goes. Every screen
 * that shows live data listens to this one, so a tab holds one of the few streams the service allows a person.
 */
export function LiveProvider({ children, stream }: { children: ReactNode; stream?: InboxStream }) {
  const [live] = useState(() => stream ?? new InboxStream());
  useEffect(() => {
    live.start();
    const online = () => live.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      live.stop();
    };
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLiveState(): LiveState {
  const live = useContext(LiveContext);
  return useSyncExternalStore(
    (changed) => (live === null ? () => undefined : live.onState(changed)),
    () => (live === null ? UNSUPPORTED : live.state),
  );
}

/**
 * Runs `onNotice` for each new notice and `onResync` after the stream came back (notices may have been missed
 * meanwhile): the place for a screen to read its data again.
 */
export function useNotices({ onNotice, onResync }: { onNotice?: (entry: InboxEntry) => void; onResync?: () => void }) {
  const live = useContext(LiveContext);
  const notice = useEffectEvent((entry: InboxEntry) => onNotice?.(entry));
  const resync = useEffectEvent(() => onResync?.());
  useEffect(() => {
    if (live === null) {
      return undefined;
    }
    const offNotice = live.onNotice((entry) => notice(entry));
    const offResync = live.onResync(() => resync());
    return () => {
      offNotice();
      offResync();
    };
  }, [live]);
}

/** A small sign in the header of whether updates arrive live, in words (for screen readers too). */
export function LiveIndicator() {
  const { t } = useI18n();
  const state = useLiveState();
  const label = t(`live.${state.status}`);
  return (
    <p className={`live live-${state.status}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      <span>{label}</span>
    </p>
  );
}

/** Says each new notice's title once, politely, wherever the person is in the app. */
export function NoticeAnnouncer() {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  useNotices({ onNotice: (entry) => setSaid(t('live.newNotice', { title: entry.title ?? '' })) });
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {said}
    </p>
  );
}
