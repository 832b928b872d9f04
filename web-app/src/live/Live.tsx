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

/** The states a stream moves between while the page is open; their words share one slot (see LiveIndicator). */
const CHANGING: readonly LiveState['status'][] = ['connecting', 'live', 'waiting'];

/**
 * A small sign in the header of whether updates arrive live, in words (for screen readers too). The words of
 * every state a stream moves between are laid out in the same place, only the current ones visible, so the slot
 * is as wide as the longest from the start: a stream that drops or comes back reflows nothing, and the sign-out
 * button and the navigation never move under a finger about to tap them.
 */
export function LiveIndicator() {
  const { t } = useI18n();
  const state = useLiveState();
  const reserved = CHANGING.includes(state.status) ? CHANGING.filter((status) => status !== state.status) : [];
  return (
    <p className={`live live-${state.status}`}>
      <span className="live-dot" aria-hidden="true" />
      <span className="live-slot">
        <span className="live-words" role="status">
          {t(`live.${state.status}`)}
        </span>
        {reserved.map((status) => (
          <span key={status} className="live-reserved" aria-hidden="true">
            {t(`live.${status}`)}
          </span>
        ))}
      </span>
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
