import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import type { Manifest, StaffingLine, Visit } from '../../api/types';
import { Field, type FieldMessage } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { SpanFields } from './SpanFields';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE, localParts } from '../../i18n/time';
import {
  audienceOf,
  ifMatch,
  localOf,
  mayChange,
  movedProgramme,
  reasonProblems,
  rescheduleProblems,
  rescheduleRequest,
  type Audience,
  type ChangeKind,
  type InputProblem,
  type RescheduleInput,
} from './visitChange';

const SENT_FIELDS = ['startsAt', 'endsAt', 'reason'] as const;

/** The messages for one field: what the app found before sending, or what the service named after. */
function useFieldMessages(local: InputProblem[], problem: ApiProblem | null) {
  const { t } = useI18n();
  return (field: string): FieldMessage[] => [
    ...local.filter((found) => found.field === field).map((found) => ({ text: t(found.message) })),
    ...(problem?.errors ?? [])
      .filter((error) => error.field === field)
      .map((error): FieldMessage => ({ text: error.message, lang: 'en' })),
  ];
}

/** Who hears of the change, before it is confirmed. */
export function AudienceSummary({ kind, audience }: { kind: ChangeKind; audience: Audience }) {
  const { t, tn } = useI18n();
  const headingId = useId();
  let summary: string;
  if (!audience.published) {
    summary = t('change.told.draft');
  } else if (audience.people === 0) {
    summary = t('change.told.nobody');
  } else {
    summary = tn(kind === 'reschedule' ? 'change.told.rescheduled' : 'change.told.cancelled', audience.people);
  }
  return (
    <section className="audience" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('change.whoIsTold')}</h3>
      <p>{summary}</p>
      {audience.lines.length > 0 && (
        <ul>
          {audience.lines.map((line) => (
            <li key={`${line.itemId}:${line.role}`}>
              {t('change.toldLine', {
                item: line.title,
                role: line.team ? t('change.teamLead') : line.role,
                count: line.people,
              })}
            </li>
          ))}
        </ul>
      )}
      {audience.donors.length > 0 && (
        <p>{t('change.told.donors', { donors: audience.donors.join(', ') })}</p>
      )}
    </section>
  );
}

function RescheduleForm({
  visit,
  lines,
  onDone,
  onClose,
}: {
  visit: Visit;
  lines: readonly StaffingLine[] | undefined;
  onDone: (changed: Visit, audience: Audience) => void;
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  // Prefilled with the visit's times as the site's clock shows them.
  const [input, setInput] = useState<RescheduleInput>(() => {
    const none = { date: '', time: '' };
    const start = visit.startsAt === undefined ? none : localParts(visit.startsAt, zone);
    const end = visit.endsAt === undefined ? none : localParts(visit.endsAt, zone);
    return { startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time, reason: '' };
  });
  const [local, setLocal] = useState<InputProblem[]>([]);
  const audience = audienceOf('reschedule', visit.status, lines ?? []);
  const send = useAction(
    useCallback(
      async (body: ReturnType<typeof rescheduleRequest>) => {
        const changed = await call(
          api.events.POST('/api/visits/{id}/reschedule', {
            params: { path: { id: visit.id ?? '' }, header: ifMatch(visit) },
            body,
          }),
        );
        onDone(changed, audience);
        return changed;
      },
      [visit, onDone, audience],
    ),
  );
  const messages = useFieldMessages(local, send.problem);
  const change = (part: keyof RescheduleInput) => (value: string) => setInput((previous) => ({ ...previous, [part]: value }));
  const newStart = localOf(input.startDate, input.startTime);
  const moved = newStart === undefined ? [] : movedProgramme(visit, newStart, zone);

  return (
    <form
      className="change-form"
      noValidate
      aria-label={t('change.rescheduleTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        const found = rescheduleProblems(input);
        setLocal(found);
        if (found.length === 0) {
          void send.run(rescheduleRequest(input));
        }
      }}
    >
      <h3>{t('change.rescheduleTitle')}</h3>
      <p className="muted">{t('change.localTimes', { zone })}</p>
      <SpanFields value={input} onChange={(part, value) => change(part)(value)} messages={messages} />
      <Field label={t('change.reason')} messages={messages('reason')}>
        {(props) => (
          <textarea {...props} rows={2} maxLength={500} value={input.reason} onChange={(event) => change('reason')(event.target.value)} />
        )}
      </Field>
      {moved.length > 0 && (
        <div className="moved">
          <p>{t('change.programmeMoves')}</p>
          <ul>
            {moved.map((item) => (
              <li key={item.id}>
                {t('change.movedItem', { item: item.title, from: dateTime(item.from, zone), to: dateTime(item.to, zone) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {lines === undefined ? <p className="muted">{t('change.countingTold')}</p> : <AudienceSummary kind="reschedule" audience={audience} />}
      <FormButtons running={send.running} submit={t('change.confirmReschedule')} leave={{ label: t('change.keep'), onClick: onClose }} />
      {send.problem !== null && <ProblemMessage problem={send.problem} omitFields={SENT_FIELDS} />}
    </form>
  );
}

function CancelForm({
  visit,
  lines,
  onDone,
  onClose,
}: {
  visit: Visit;
  lines: readonly StaffingLine[] | undefined;
  onDone: (changed: Visit, audience: Audience) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const visitId = visit.id ?? '';
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<InputProblem[]>([]);
  // Only a published visit's cancellation holds pledges (a draft has none the donation service knows of).
  const published = visit.status === 'SCHEDULED';
  const manifest = useLoad(
    useCallback(
      () =>
        published
          ? call(api.donations.GET('/api/visits/{visitId}/donations', { params: { path: { visitId } } }))
          : Promise.resolve<Manifest>({}),
      [published, visitId],
    ),
  );
  const pledges = manifest.status === 'ready' ? (manifest.data.pledges ?? []) : [];
  const audience = audienceOf('cancel', visit.status, lines ?? [], pledges);
  const send = useAction(
    useCallback(
      async (why: string) => {
        const changed = await call(
          api.events.POST('/api/visits/{id}/cancel', {
            params: { path: { id: visitId }, header: ifMatch(visit) },
            body: { reason: why },
          }),
        );
        onDone(changed, audience);
        return changed;
      },
      [visit, visitId, onDone, audience],
    ),
  );
  const messages = useFieldMessages(local, send.problem);
  return (
    <form
      className="change-form"
      noValidate
      aria-label={t('change.cancelTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        const found = reasonProblems(reason);
        setLocal(found);
        if (found.length === 0) {
          void send.run(reason.trim());
        }
      }}
    >
      <h3>{t('change.cancelTitle')}</h3>
      <Field label={t('change.reason')} messages={messages('reason')}>
        {(props) => <textarea {...props} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      {lines === undefined ? (
        <p className="muted">{t('change.countingTold')}</p>
      ) : (
        <AudienceSummary kind="cancel" audience={audience} />
      )}
      {published && manifest.status !== 'ready' && (
        <Outcome loaded={manifest} reload={manifest.reload} loadingLabel={t('change.checkingPledges')}>
          {() => null}
        </Outcome>
      )}
      <FormButtons running={send.running} submit={t('change.confirmCancel')} danger leave={{ label: t('change.keep'), onClick: onClose }} />
      {send.problem !== null && <ProblemMessage problem={send.problem} omitFields={SENT_FIELDS} />}
    </form>
  );
}

/**
 * Coordinators: reschedule or cancel a visit with a reason, seeing first who will be told. The service answers with
 * the changed visit; the people are told by the other services once they hear of it.
 */
export function VisitChange({
  visit,
  lines,
  onChanged,
}: {
  visit: Visit;
  lines: readonly StaffingLine[] | undefined;
  onChanged: (changed: Visit) => void;
}) {
  const { t, tn, range } = useI18n();
  const [open, setOpen] = useState<ChangeKind | null>(null);
  const [done, setDone] = useState<{ kind: ChangeKind; visit: Visit; audience: Audience } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const formId = useId();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;

  // In the commit that shows the message: no frame in which the keyboard is still on a button that is gone.
  useLayoutEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  const finish = useCallback(
    (kind: ChangeKind, changed: Visit, audience: Audience) => {
      setOpen(null);
      setDone({ kind, visit: changed, audience });
      onChanged(changed);
    },
    [onChanged],
  );
  const onRescheduled = useCallback((changed: Visit, audience: Audience) => finish('reschedule', changed, audience), [finish]);
  const onCancelled = useCallback((changed: Visit, audience: Audience) => finish('cancel', changed, audience), [finish]);
  // Closed without a change: back to the button that opened it, so that the keyboard is not lost.
  const toggles = useRef<Record<ChangeKind, HTMLButtonElement | null>>({ reschedule: null, cancel: null });
  const close = useCallback(() => {
    if (open !== null) toggles.current[open]?.focus();
    setOpen(null);
  }, [open]);

  let doneText = '';
  if (done !== null) {
    const told = !done.audience.published
      ? t('change.done.toldNobody')
      : tn('change.done.told', done.audience.people);
    const what =
      done.kind === 'cancel'
        ? t('change.done.cancelled')
        : t('change.done.rescheduled', {
            when: done.visit.startsAt !== undefined && done.visit.endsAt !== undefined ? range(done.visit.startsAt, done.visit.endsAt, zone) : '',
          });
    doneText = `${what} ${told}`;
  }

  if (!mayChange(visit.status) && done === null) {
    return null;
  }
  return (
    <section className="card change" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('change.title')}</h2>
      {done !== null && (
        <p className="done" role="status" tabIndex={-1} ref={doneRef}>
          {doneText}
        </p>
      )}
      {mayChange(visit.status) && (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              ref={(button) => {
                toggles.current.reschedule = button;
              }}
              aria-expanded={open === 'reschedule'}
              aria-controls={formId}
              onClick={() => setOpen((current) => (current === 'reschedule' ? null : 'reschedule'))}
            >
              {t('change.reschedule')}
            </button>
            <button
              type="button"
              className="button secondary"
              ref={(button) => {
                toggles.current.cancel = button;
              }}
              aria-expanded={open === 'cancel'}
              aria-controls={formId}
              onClick={() => setOpen((current) => (current === 'cancel' ? null : 'cancel'))}
            >
              {t('change.cancel')}
            </button>
          </div>
          <div id={formId}>
            {open === 'reschedule' && <RescheduleForm visit={visit} lines={lines} onDone={onRescheduled} onClose={close} />}
            {open === 'cancel' && <CancelForm visit={visit} lines={lines} onDone={onCancelled} onClose={close} />}
          </div>
        </>
      )}
    </section>
  );
}
