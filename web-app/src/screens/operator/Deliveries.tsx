import { useCallback, useId, useState } from 'react';
import { api, call } from '../../api/client';
import type { DeliveryView } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Field } from '../../components/Field';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useRefreshWhile } from '../../live/useRefresh';

export const DELIVERY_STATUSES = ['FAILED', 'QUEUED', 'SENT', 'SKIPPED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
const PAGE_SIZE = 50;

/**
 * How often a delivery sent again is read while it waits in the queue, until it is sent or fails again: the
 * service's sweep takes it within a second or so, and the operator pressed the button to see what it meets.
 */
export const RETRIED_DELIVERY_REFRESH_MS = 2_000;

export function deliveryTone(status: string | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  switch (status) {
    case 'SENT':
      return 'good';
    case 'QUEUED':
      return 'warning';
    case 'FAILED':
      return 'bad';
    default:
      return 'neutral';
  }
}

function statusKey(status: string | undefined): `deliveries.status.${DeliveryStatus}` | 'deliveries.status.other' {
  const known = DELIVERY_STATUSES.find((one) => one === status);
  return known === undefined ? 'deliveries.status.other' : `deliveries.status.${known}`;
}

/** The steps of a history that are no status of their own: a try that failed for now, a wait out of quiet hours, a read. */
export const HISTORY_STEPS = ['RETRYING', 'DEFERRED', 'READ'] as const;
type HistoryStep = (typeof HISTORY_STEPS)[number];

function stepKey(step: string | undefined): `deliveries.step.${HistoryStep}` | ReturnType<typeof statusKey> {
  const known = HISTORY_STEPS.find((one) => one === step);
  return known === undefined ? statusKey(step) : `deliveries.step.${known}`;
}

function DeliveryCard({ view, onChanged }: { view: DeliveryView; onChanged: (view: DeliveryView) => void }) {
  const { t, tn, dateTime } = useI18n();
  const problemId = useId();
  const delivery = view.delivery ?? {};
  const id = delivery.id ?? '';
  const kind = delivery.kind ?? '';
  const [following, setFollowing] = useState(false);
  const retry = useAction(
    useCallback(async () => {
      const after = await call(api.notifications.POST('/api/deliveries/{id}/retry', { params: { path: { id } } }));
      onChanged(after);
      setFollowing(true);
      return after;
    }, [id, onChanged]),
  );
  const stillQueued = following && delivery.status === 'QUEUED';
  const readAgain = useCallback(() => {
    call(api.notifications.GET('/api/deliveries/{id}', { params: { path: { id } } })).then(onChanged, () => {
      // Read again at the next tick; the card still says it is queued.
    });
  }, [id, onChanged]);
  useRefreshWhile(stillQueued, RETRIED_DELIVERY_REFRESH_MS, readAgain);
  return (
    <li className="card delivery">
      <article aria-labelledby={`delivery-${id}`}>
        <h2 id={`delivery-${id}`} className="card-title">
          <StatusBadge tone={deliveryTone(delivery.status)}>{t(statusKey(delivery.status))}</StatusBadge>{' '}
          <code>{kind}</code> · {delivery.channel ?? t('deliveries.noChannel')}
        </h2>
        <dl className="facts">
          <dt>{t('deliveries.recipient')}</dt>
          <dd>{delivery.recipient ?? '—'}</dd>
          <dt>{t('deliveries.attempts')}</dt>
          <dd>{delivery.attempts ?? 0}</dd>
          {delivery.createdAt !== undefined && (
            <>
              <dt>{t('deliveries.created')}</dt>
              <dd>{dateTime(delivery.createdAt, DEFAULT_TIME_ZONE)}</dd>
            </>
          )}
          {delivery.nextAttemptAt !== undefined && delivery.status === 'QUEUED' && (
            <>
              <dt>{t('deliveries.nextAttempt')}</dt>
              <dd>{dateTime(delivery.nextAttemptAt, DEFAULT_TIME_ZONE)}</dd>
            </>
          )}
          {delivery.traceId !== undefined && (
            <>
              <dt>{t('deliveries.trace')}</dt>
              <dd>
                <code>{delivery.traceId}</code>
              </dd>
            </>
          )}
          {delivery.lastError !== undefined && (
            <>
              <dt>{t('deliveries.lastError')}</dt>
              <dd lang="en">{delivery.lastError}</dd>
            </>
          )}
        </dl>
        {(view.history ?? []).length > 0 && (
          <details>
            <summary>{tn('deliveries.history', (view.history ?? []).length)}</summary>
            <ol className="history">
              {(view.history ?? []).map((step, index) => (
                <li key={`${step.at ?? ''}-${String(index)}`}>
                  {step.at === undefined ? '' : dateTime(step.at, DEFAULT_TIME_ZONE)} · {t(stepKey(step.status))}
                  {step.detail !== undefined && (
                    <>
                      {' '}
                      · <span lang="en">{step.detail}</span>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
        {delivery.status === 'FAILED' && (
          <button
            type="button"
            className="button secondary"
            aria-label={t('deliveries.retryFor', { kind, recipient: delivery.recipient ?? '' })}
            aria-describedby={retry.problem === null ? undefined : problemId}
            disabled={retry.running}
            onClick={() => void retry.run()}
          >
            {retry.running ? t('board.sending') : t('deliveries.retry')}
          </button>
        )}
        {stillQueued && (
          <p className="muted" role="status">
            {t('deliveries.following')}
          </p>
        )}
        {retry.problem !== null && <ProblemMessage problem={retry.problem} id={problemId} />}
      </article>
    </li>
  );
}

function byStatus(status: DeliveryStatus | ''): { status?: DeliveryStatus } {
  return status === '' ? {} : { status };
}

/** Operators: notices on their way, by status, with each one's history; a failed one can be sent again. */
export function Deliveries() {
  const { t } = useI18n();
  const [status, setStatus] = useState<DeliveryStatus | ''>('FAILED');
  const [more, setMore] = useState<DeliveryView[]>([]);
  const [nextPage, setNextPage] = useState(1);
  const [exhausted, setExhausted] = useState(false);
  const deliveries = useLoad(
    useCallback(
      () => call(api.notifications.GET('/api/deliveries', { params: { query: { ...byStatus(status), page: 0, size: PAGE_SIZE } } })),
      [status],
    ),
  );
  const { update } = deliveries;
  const loadMore = useAction(
    useCallback(async () => {
      const page = await call(
        api.notifications.GET('/api/deliveries', { params: { query: { ...byStatus(status), page: nextPage, size: PAGE_SIZE } } }),
      );
      setMore((previous) => [...previous, ...page]);
      setNextPage((previous) => previous + 1);
      setExhausted(page.length < PAGE_SIZE);
      return page;
    }, [status, nextPage]),
  );
  const changed = useCallback(
    (after: DeliveryView) => {
      const same = (view: DeliveryView) => view.delivery?.id === after.delivery?.id;
      update((all) => all.map((view) => (same(view) ? after : view)));
      setMore((previous) => previous.map((view) => (same(view) ? after : view)));
    },
    [update],
  );
  return (
    <>
      <PageHeading text={t('deliveries.title')} />
      <p className="intro">{t('deliveries.intro')}</p>
      <div className="filters">
        <Field label={t('deliveries.filter')} messages={[]}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(event) => {
                setStatus(DELIVERY_STATUSES.find((one) => one === event.target.value) ?? '');
                setMore([]);
                setNextPage(1);
                setExhausted(false);
              }}
            >
              <option value="">{t('deliveries.all')}</option>
              {DELIVERY_STATUSES.map((one) => (
                <option key={one} value={one}>
                  {t(`deliveries.status.${one}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Outcome loaded={deliveries} reload={deliveries.reload} loadingLabel={t('app.loading')}>
        {(first) => {
          const all = [...first, ...more];
          if (all.length === 0) {
            return <p>{status === 'FAILED' ? t('deliveries.noneFailed') : t('deliveries.none')}</p>;
          }
          return (
            <>
              <ul className="cards records" aria-label={t('deliveries.title')}>
                {all.map((view) => (
                  <DeliveryCard key={view.delivery?.id} view={view} onChanged={changed} />
                ))}
              </ul>
              {first.length === PAGE_SIZE && !exhausted && (
                <button type="button" className="button secondary" disabled={loadMore.running} onClick={() => void loadMore.run()}>
                  {t('deliveries.showMore')}
                </button>
              )}
              {loadMore.problem !== null && <ProblemMessage problem={loadMore.problem} />}
            </>
          );
        }}
      </Outcome>
    </>
  );
}
