import { useCallback, useId, useState } from 'react';
import { api, call } from '../../api/client';
import type { Assignment, AssignmentStatus, Placement } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { concernsPlacements } from '../../live/notices';
import { TEAM_ROLE } from '../../staffing/gaps';

type Answer = 'accept' | 'decline';

function answer(id: string, choice: Answer): Promise<Assignment> {
  const options = { params: { path: { id } } };
  return call(
    choice === 'accept'
      ? api.volunteers.POST('/api/assignments/{id}/accept', options)
      : api.volunteers.POST('/api/assignments/{id}/decline', options),
  );
}

export function assignmentTone(status: AssignmentStatus | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  switch (status) {
    case 'CONFIRMED':
    case 'CHECKED_IN':
    case 'CHECKED_OUT':
      return 'good';
    case 'OFFERED':
    case 'WAITLISTED':
      return 'warning';
    case 'NO_SHOW':
    case 'CANCELLED_BY_VISIT':
      return 'bad';
    default:
      return 'neutral';
  }
}

function PlacementCard({ placement, onAnswered }: { placement: Placement; onAnswered: (assignment: Assignment) => void }) {
  const { t, range, dateTime } = useI18n();
  const problemId = useId();
  const [answered, setAnswered] = useState<AssignmentStatus | null>(null);
  const zone = placement.timeZone ?? DEFAULT_TIME_ZONE;
  const item = placement.itemTitle ?? '';
  const id = placement.id ?? '';
  const send = useAction(
    useCallback(
      async (choice: Answer) => {
        const assignment = await answer(id, choice);
        setAnswered(assignment.status ?? null);
        onAnswered(assignment);
      },
      [id, onAnswered],
    ),
  );
  const status = placement.status;
  const role = placement.role === TEAM_ROLE ? t('board.teamSlot') : (placement.role ?? '');
  return (
    <li className="card">
      <article aria-labelledby={`placement-${id}`}>
        <h2 id={`placement-${id}`} className="card-title">
          {item}
        </h2>
        <p>
          {placement.visitTheme}
          {placement.site !== undefined && <span className="muted"> · {placement.site}</span>}
        </p>
        {placement.startsAt !== undefined && placement.endsAt !== undefined && (
          <p className="visit-when">{range(placement.startsAt, placement.endsAt, zone)}</p>
        )}
        <p>{t('assignments.role', { role })}</p>
        {status !== undefined && (
          <p>
            <StatusBadge tone={assignmentTone(status)}>{t(`assignmentStatus.${status}`)}</StatusBadge>
          </p>
        )}
        {status === 'OFFERED' && (
          <>
            {placement.offerExpiresAt !== undefined && (
              <p>{t('assignments.answerBy', { time: dateTime(placement.offerExpiresAt, zone) })}</p>
            )}
            <div className="button-row">
              <button
                type="button"
                className="button"
                aria-label={t('assignments.acceptItem', { item })}
                aria-describedby={send.problem === null ? undefined : problemId}
                disabled={send.running}
                onClick={() => void send.run('accept')}
              >
                {t('assignments.accept')}
              </button>
              <button
                type="button"
                className="button secondary"
                aria-label={t('assignments.declineItem', { item })}
                aria-describedby={send.problem === null ? undefined : problemId}
                disabled={send.running}
                onClick={() => void send.run('decline')}
              >
                {t('assignments.decline')}
              </button>
            </div>
          </>
        )}
        {send.problem !== null && <ProblemMessage problem={send.problem} id={problemId} />}
        {answered !== null && (
          <p className="done" role="status">
            {t('assignments.answered', { status: t(`assignmentStatus.${answered}`) })}
          </p>
        )}
      </article>
    </li>
  );
}

/** Volunteers (and team leads): the places offered to them or held, to accept or decline; live. */
export function MyAssignments() {
  const { t } = useI18n();
  const placements = useLoad(useCallback(() => call(api.volunteers.GET('/api/volunteers/me/assignments')), []));
  const { update, reload } = placements;
  // Live: an offer, a confirmation, a moved time or an ended place arrives as a notice; read the places again.
  useNotices({
    onNotice: (entry) => {
      if (concernsPlacements(entry)) reload();
    },
    onResync: reload,
  });
  const onAnswered = useCallback(
    (assignment: Assignment) =>
      update((all) => all.map((placement) => (placement.id === assignment.id ? { ...placement, ...assignment } : placement))),
    [update],
  );
  return (
    <>
      <PageHeading text={t('assignments.title')} />
      <p className="intro">{t('assignments.intro')}</p>
      <Outcome loaded={placements} reload={placements.reload}>
        {(all) =>
          all.length === 0 ? (
            <p className="empty">{t('assignments.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('assignments.title')}>
              {all.map((placement) => (
                <PlacementCard key={placement.id} placement={placement} onAnswered={onAnswered} />
              ))}
            </ul>
          )
        }
      </Outcome>
    </>
  );
}
