import { useCallback, useId, useState } from 'react';
import { call, DEAD_LETTER_SERVICES, deadLetters, type DeadLetterService } from '../../api/client';
import type { DeadLetterSummary, DeadLetterView } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Field, serviceMessages } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';

export const DEAD_LETTER_STATUSES = ['WAITING', 'REPLAYED', 'DISCARDED'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];
const PAGE_SIZE = 50;

function tone(status: string | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  switch (status) {
    case 'WAITING':
      return 'bad';
    case 'REPLAYED':
      return 'good';
    default:
      return 'neutral';
  }
}

function statusKey(status: string | undefined): `deadLetters.status.${DeadLetterStatus}` | 'deadLetters.status.other' {
  const known = DEAD_LETTER_STATUSES.find((one) => one === status);
  return known === undefined ? 'deadLetters.status.other' : `deadLetters.status.${known}`;
}

/** One dead letter read in full: its payload, headers and stack trace. */
function Detail({ service, id }: { service: DeadLetterService; id: string }) {
  const { t } = useI18n();
  const detail = useLoad(
    useCallback(() => call(deadLetters[service].GET('/api/dead-letters/{id}', { params: { path: { id } } })), [service, id]),
  );
  return (
    <Outcome loaded={detail} reload={detail.reload} loadingLabel={t('app.loading')}>
      {(letter: DeadLetterView) => (
        <div className="dead-letter-detail">
          <dl className="facts">
            {letter.eventId !== undefined && (
              <>
                <dt>{t('deadLetters.eventId')}</dt>
                <dd>
                  <code>{letter.eventId}</code>
                </dd>
              </>
            )}
            {letter.deadLetterTopic !== undefined && (
              <>
                <dt>{t('deadLetters.deadLetterTopic')}</dt>
                <dd>
                  <code>{letter.deadLetterTopic}</code>
                </dd>
              </>
            )}
            {letter.partition !== undefined && (
              <>
                <dt>{t('deadLetters.position')}</dt>
                <dd>{t('deadLetters.partitionOffset', { partition: letter.partition, offset: letter.offset ?? '—' })}</dd>
              </>
            )}
            {letter.reason !== undefined && (
              <>
                <dt>{t('deadLetters.reason')}</dt>
                <dd>{letter.reason}</dd>
              </>
            )}
            {letter.resolvedBy !== undefined && (
              <>
                <dt>{t('deadLetters.resolvedBy')}</dt>
                <dd>{letter.resolvedBy}</dd>
              </>
            )}
          </dl>
          <h3>{t('deadLetters.payload', { encoding: letter.payloadEncoding ?? 'utf-8' })}</h3>
          <pre className="payload" tabIndex={0} lang="en">
            {letter.payload ?? ''}
          </pre>
          <h3>{t('deadLetters.headers')}</h3>
          {(letter.headers ?? []).length === 0 ? (
            <p>{t('deadLetters.noHeaders')}</p>
          ) : (
            <dl className="facts headers">
              {(letter.headers ?? []).map((header, index) => (
                <div key={`${header.name ?? ''}-${String(index)}`}>
                  <dt>
                    <code>{header.name}</code>
                  </dt>
                  <dd>
                    <code>{header.value}</code>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {letter.stackTrace !== undefined && (
            <details>
              <summary>{t('deadLetters.stackTrace')}</summary>
              <pre className="stack-trace" tabIndex={0} lang="en">
                {letter.stackTrace}
              </pre>
            </details>
          )}
        </div>
      )}
    </Outcome>
  );
}

/** Put aside for good: the reason is required, and what the service says of it is shown next to it. */
function DiscardForm({
  service,
  id,
  label,
  onDone,
  onCancel,
}: {
  service: DeadLetterService;
  id: string;
  label: string;
  onDone: (view: DeadLetterView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const discard = useAction(
    useCallback(
      async (given: string) => {
        const after = await call(
          deadLetters[service].POST('/api/dead-letters/{id}/discard', { params: { path: { id } }, body: { reason: given } }),
        );
        onDone(after);
        return after;
      },
      [service, id, onDone],
    ),
  );
  return (
    <form
      className="change-form"
      noValidate
      aria-label={t('deadLetters.discardTitle', { what: label })}
      onSubmit={(event) => {
        event.preventDefault();
        void discard.run(reason.trim());
      }}
    >
      <Field label={t('deadLetters.reason')} messages={serviceMessages(discard.problem, 'reason')}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <FormButtons running={discard.running} submit={t('deadLetters.discardConfirm')} danger leave={{ label: t('deadLetters.keep'), onClick: onCancel }} />
      {discard.problem !== null && <ProblemMessage problem={discard.problem} omitFields={['reason']} />}
    </form>
  );
}

function DeadLetterCard({
  service,
  letter,
  onChanged,
}: {
  service: DeadLetterService;
  letter: DeadLetterSummary;
  onChanged: (view: DeadLetterView) => void;
}) {
  const { t, dateTime } = useI18n();
  const problemId = useId();
  const [open, setOpen] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const id = letter.id ?? '';
  const label = `${letter.eventType ?? letter.topic ?? ''} ${letter.key ?? ''}`.trim();
  const replay = useAction(
    useCallback(async () => {
      const after = await call(deadLetters[service].POST('/api/dead-letters/{id}/replay', { params: { path: { id } } }));
      onChanged(after);
      return after;
    }, [service, id, onChanged]),
  );
  const discarded = useCallback(
    (view: DeadLetterView) => {
      setDiscarding(false);
      onChanged(view);
    },
    [onChanged],
  );
  return (
    <li className="card dead-letter">
      <article aria-labelledby={`dead-letter-${id}`}>
        <h2 id={`dead-letter-${id}`} className="card-title">
          <StatusBadge tone={tone(letter.status)}>{t(statusKey(letter.status))}</StatusBadge> <code>{letter.eventType ?? '—'}</code>
        </h2>
        <dl className="facts">
          <dt>{t('deadLetters.topic')}</dt>
          <dd>
            <code>{letter.topic ?? '—'}</code>
          </dd>
          <dt>{t('deadLetters.key')}</dt>
          <dd>
            <code>{letter.key ?? '—'}</code>
          </dd>
          <dt>{t('deadLetters.exception')}</dt>
          <dd lang="en">
            <code>{letter.exception ?? '—'}</code>
            {letter.message !== undefined && <>: {letter.message}</>}
          </dd>
          {letter.deadLetteredAt !== undefined && (
            <>
              <dt>{t('deadLetters.first')}</dt>
              <dd>{dateTime(letter.deadLetteredAt, DEFAULT_TIME_ZONE)}</dd>
            </>
          )}
          {letter.lastDeadLetteredAt !== undefined && (
            <>
              <dt>{t('deadLetters.last')}</dt>
              <dd>{dateTime(letter.lastDeadLetteredAt, DEFAULT_TIME_ZONE)}</dd>
            </>
          )}
          <dt>{t('deadLetters.times')}</dt>
          <dd>{letter.times ?? 1}</dd>
        </dl>
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            aria-expanded={open}
            aria-label={t('deadLetters.showFor', { what: label })}
            onClick={() => setOpen((current) => !current)}
          >
            {open ? t('deadLetters.hide') : t('deadLetters.show')}
          </button>
          {letter.status === 'WAITING' && (
            <>
              <button
                type="button"
                className="button secondary"
                aria-label={t('deadLetters.replayFor', { what: label })}
                aria-describedby={replay.problem === null ? undefined : problemId}
                disabled={replay.running}
                onClick={() => void replay.run()}
              >
                {replay.running ? t('board.sending') : t('deadLetters.replay')}
              </button>
              <button
                type="button"
                className="button secondary"
                aria-label={t('deadLetters.discardFor', { what: label })}
                aria-expanded={discarding}
                onClick={() => setDiscarding((current) => !current)}
              >
                {t('deadLetters.discard')}
              </button>
            </>
          )}
        </div>
        {replay.problem !== null && <ProblemMessage problem={replay.problem} id={problemId} />}
        {discarding && letter.status === 'WAITING' && (
          <DiscardForm service={service} id={id} label={label} onDone={discarded} onCancel={() => setDiscarding(false)} />
        )}
        {open && <Detail service={service} id={id} />}
      </article>
    </li>
  );
}

function summaryOf(view: DeadLetterView, before: DeadLetterSummary): DeadLetterSummary {
  return { ...before, status: view.status ?? before.status, times: view.times ?? before.times };
}

/** Operators: each service's records that its consumers could not handle; one can be replayed or discarded. */
export function DeadLetters() {
  const { t } = useI18n();
  const [service, setService] = useState<DeadLetterService>('event');
  const [status, setStatus] = useState<DeadLetterStatus>('WAITING');
  const letters = useLoad(
    useCallback(
      () => call(deadLetters[service].GET('/api/dead-letters', { params: { query: { status, page: 0, size: PAGE_SIZE } } })),
      [service, status],
    ),
  );
  const { update } = letters;
  const changed = useCallback(
    (after: DeadLetterView) => {
      update((all) => all.map((letter) => (letter.id === after.id ? summaryOf(after, letter) : letter)));
    },
    [update],
  );
  return (
    <>
      <PageHeading text={t('deadLetters.title')} />
      <p className="intro">{t('deadLetters.intro')}</p>
      <div className="filters">
        <Field label={t('deadLetters.service')} messages={[]}>
          {(props) => (
            <select
              {...props}
              value={service}
              onChange={(event) => setService(DEAD_LETTER_SERVICES.find((one) => one === event.target.value) ?? 'event')}
            >
              {DEAD_LETTER_SERVICES.map((one) => (
                <option key={one} value={one}>
                  {t(`deadLetters.services.${one}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('deadLetters.filter')} messages={[]}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(event) => setStatus(DEAD_LETTER_STATUSES.find((one) => one === event.target.value) ?? 'WAITING')}
            >
              {DEAD_LETTER_STATUSES.map((one) => (
                <option key={one} value={one}>
                  {t(`deadLetters.status.${one}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Outcome loaded={letters} reload={letters.reload} loadingLabel={t('app.loading')}>
        {(all) => {
          if (all.length === 0) {
            return <p>{status === 'WAITING' ? t('deadLetters.noneWaiting') : t('deadLetters.none')}</p>;
          }
          return (
            <>
              <ul className="cards records" aria-label={t('deadLetters.listOf', { service: t(`deadLetters.services.${service}`) })}>
                {all.map((letter) => (
                  <DeadLetterCard key={`${service}-${letter.id ?? ''}`} service={service} letter={letter} onChanged={changed} />
                ))}
              </ul>
              {all.length === PAGE_SIZE && <p>{t('deadLetters.firstPage', { count: PAGE_SIZE })}</p>}
            </>
          );
        }}
      </Outcome>
    </>
  );
}
