import { useCallback, useId } from 'react';
import { api, call } from '../../api/client';
import type { InboxEntry } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { noticeParts } from './noticeText';

function Entry({ entry, onRead }: { entry: InboxEntry; onRead: (entry: InboxEntry) => void }) {
  const { t, dateTime } = useI18n();
  const problemId = useId();
  const id = entry.id ?? '';
  const title = entry.title ?? '';
  const markRead = useAction(
    useCallback(async () => {
      onRead(await call(api.notifications.POST('/api/inbox/{id}/read', { params: { path: { id } } })));
    }, [id, onRead]),
  );
  const unread = entry.readAt === undefined;
  return (
    <li className={unread ? 'card notice unread' : 'card notice'}>
      <article aria-labelledby={`notice-${id}`}>
        <h2 id={`notice-${id}`} className="card-title">
          {unread && <StatusBadge tone="warning">{t('inbox.unread')}</StatusBadge>} {title}
        </h2>
        {entry.createdAt !== undefined && (
          <p className="muted">{t('inbox.received', { time: dateTime(entry.createdAt, DEFAULT_TIME_ZONE) })}</p>
        )}
        {entry.body !== undefined && (
          <p className="notice-body">
            {noticeParts(entry.body, window.location.origin).map((part, index) =>
              'link' in part ? (
                <a key={index} href={part.link}>
                  {part.link}
                </a>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        )}
        {unread && (
          <button
            type="button"
            className="button secondary"
            aria-label={t('inbox.markReadTitle', { title })}
            aria-describedby={markRead.problem === null ? undefined : problemId}
            disabled={markRead.running}
            onClick={() => void markRead.run()}
          >
            {t('inbox.markRead')}
          </button>
        )}
        {markRead.problem !== null && <ProblemMessage problem={markRead.problem} id={problemId} />}
      </article>
    </li>
  );
}

/** Everyone: the notices notification-service keeps for the person, unread first; new ones arrive live. */
export function Inbox() {
  const { t } = useI18n();
  const inbox = useLoad(useCallback(() => call(api.notifications.GET('/api/inbox')), []));
  const { update, reload } = inbox;
  // Live: a new notice goes on top (unread ones come first); after a gap in the stream the inbox is read again.
  useNotices({
    onNotice: (entry) => update((all) => (all.some((known) => known.id === entry.id) ? all : [entry, ...all])),
    onResync: reload,
  });
  const onRead = useCallback(
    (read: InboxEntry) => update((all) => all.map((entry) => (entry.id === read.id ? read : entry))),
    [update],
  );
  return (
    <>
      <PageHeading text={t('inbox.title')} />
      <Outcome loaded={inbox} reload={inbox.reload}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="empty">{t('inbox.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('inbox.title')}>
              {entries.map((entry) => (
                <Entry key={entry.id} entry={entry} onRead={onRead} />
              ))}
            </ul>
          )
        }
      </Outcome>
    </>
  );
}
