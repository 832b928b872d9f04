import { useCallback, useId, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import type { Assignment, Placement } from '../../api/types';
import { Field, serviceMessages } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { ProblemMessage } from '../../components/Problem';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { clashOf } from './places';

/** Where the volunteer's answers go: the card that answered, and the list it is in. */
export interface Answered {
  assignment: Assignment;
  /** What the card says, in a status message. */
  said: string;
}

/**
 * A double booking in the volunteer's words: which of their places this one overlaps, when (at the site), and what
 * to do; with a way to that other place when it is on the list.
 */
export function ClashWords({
  problem,
  zoneOf,
  then,
  onShow,
}: {
  problem: ApiProblem | null;
  /** The site's zone of one of the volunteer's places (the problem does not say it), by assignment id. */
  zoneOf: (assignmentId: string | undefined) => string;
  then: string;
  onShow?: (assignmentId: string) => void;
}) {
  const { t, range } = useI18n();
  const clash = clashOf(problem);
  if (clash === undefined) {
    return null;
  }
  const zone = zoneOf(clash.assignmentId);
  const when = clash.startsAt !== undefined && clash.endsAt !== undefined ? range(clash.startsAt, clash.endsAt, zone) : '';
  const params = { item: clash.itemTitle ?? '', site: clash.site ?? '', when };
  const other = clash.assignmentId;
  return (
    <>
      <p className="clash">
        {clash.travelMinutes > 0
          ? t('clash.withTravel', { ...params, minutes: clash.travelMinutes })
          : t('clash.with', params)}{' '}
        {then}
      </p>
      {other !== undefined && onShow !== undefined && (
        <p>
          <button type="button" className="button secondary" onClick={() => onShow(other)}>
            {t('clash.showOther', { item: clash.itemTitle ?? '' })}
          </button>
        </p>
      )}
    </>
  );
}

/** "I can no longer come", asked again before it is sent, with a reason the coordinator reads (optional here). */
export function WithdrawControl({
  placement,
  onAnswered,
}: {
  placement: Placement;
  onAnswered: (answered: Answered) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const formId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const id = placement.id ?? '';
  const item = placement.itemTitle ?? '';
  const waiting = placement.status === 'WAITLISTED';
  const send = useAction(
    useCallback(
      async (why: string) => {
        // The service needs a reason (not blank): one left out is said as such.
        const body = { reason: why === '' ? t('withdraw.noReason') : why };
        const assignment = await call(api.volunteers.POST('/api/assignments/{id}/withdraw', { params: { path: { id } }, body }));
        onAnswered({ assignment, said: t(waiting ? 'withdraw.doneWaiting' : 'withdraw.done', { item }) });
        return assignment;
      },
      [id, item, waiting, onAnswered, t],
    ),
  );
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="action">
      <button
        type="button"
        className="button secondary"
        ref={toggle}
        aria-label={t('withdraw.openItem', { item })}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((current) => !current)}
      >
        {t('withdraw.open')}
      </button>
      <div id={formId}>
        {open && (
          <form
            className="change-form"
            noValidate
            aria-label={t('withdraw.title', { item })}
            onSubmit={(event) => {
              event.preventDefault();
              void send.run(reason.trim());
            }}
          >
            <h3>{t('withdraw.title', { item })}</h3>
            <p>{t(waiting ? 'withdraw.effectWaiting' : 'withdraw.effect')}</p>
            <Field label={t('withdraw.reason')} messages={serviceMessages(send.problem, 'reason')}>
              {(props) => (
                <textarea {...props} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
              )}
            </Field>
            <FormButtons
              running={send.running}
              submit={t('withdraw.confirm')}
              danger
              leave={{ label: t(waiting ? 'withdraw.keepWaiting' : 'withdraw.keep'), onClick: close }}
            />
            {send.problem !== null && <ProblemMessage problem={send.problem} omitFields={['reason']} />}
          </form>
        )}
      </div>
    </div>
  );
}

/** After a reschedule made this place clash with another: "I can still come", refused while the clash lasts. */
export function ReconfirmControl({
  placement,
  zoneOf,
  onAnswered,
  onShow,
}: {
  placement: Placement;
  zoneOf: (assignmentId: string | undefined) => string;
  onAnswered: (answered: Answered) => void;
  onShow: (assignmentId: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const problemId = useId();
  const id = placement.id ?? '';
  const item = placement.itemTitle ?? '';
  const zone = placement.timeZone ?? DEFAULT_TIME_ZONE;
  const send = useAction(
    useCallback(async () => {
      const assignment = await call(api.volunteers.POST('/api/assignments/{id}/reconfirm', { params: { path: { id } } }));
      onAnswered({ assignment, said: t('reconfirm.done', { item }) });
      return assignment;
    }, [id, item, onAnswered, t]),
  );
  return (
    <div className="reconfirm">
      <p className="reconfirm-ask">
        <strong>{t('assignments.reconfirm')}</strong>
      </p>
      <p>{t('reconfirm.explain')}</p>
      {placement.reconfirmationRequestedAt !== undefined && (
        <p className="muted">{t('reconfirm.asked', { time: dateTime(placement.reconfirmationRequestedAt, zone) })}</p>
      )}
      <button
        type="button"
        className="button"
        aria-label={t('reconfirm.confirmItem', { item })}
        aria-describedby={send.problem === null ? undefined : problemId}
        disabled={send.running}
        onClick={() => void send.run()}
      >
        {send.running ? t('board.sending') : t('reconfirm.confirm')}
      </button>
      {send.problem !== null && (
        <ProblemMessage problem={send.problem} id={problemId}>
          <ClashWords problem={send.problem} zoneOf={zoneOf} then={t('clash.thenReconfirm')} onShow={onShow} />
        </ProblemMessage>
      )}
    </div>
  );
}
