import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import type { Assignment, AssignmentStatus, Placement, SiteView } from '../../api/types';
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
import { ClashWords, ReconfirmControl, WithdrawControl, type Answered } from './PlaceActions';
import { awaitsReconfirmation, isCurrent, mapLink, mayWithdraw, placementWith } from './places';

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

/** The sites of the volunteer's current places, by visit (event-service; a visit it does not show is left out). */
function useSites(visitIds: readonly string[]): ReadonlyMap<string, SiteView> {
  const key = [...new Set(visitIds)].sort().join(' ');
  const sites = useLoad(
    useCallback(async () => {
      const ids = key === '' ? [] : key.split(' ');
      const found = await Promise.all(
        ids.map((id) =>
          call(api.events.GET('/api/visits/{id}', { params: { path: { id } } })).then(
            (visit) => [id, visit.site] as const,
            () => [id, undefined] as const,
          ),
        ),
      );
      return new Map(found.flatMap(([id, site]) => (site === undefined ? [] : [[id, site] as const])));
    }, [key]),
  );
  return sites.status === 'ready' ? sites.data : NO_SITES;
}

const NO_SITES: ReadonlyMap<string, SiteView> = new Map();
const NO_PLACEMENTS: readonly Placement[] = [];

function SiteLine({ placement, site }: { placement: Placement; site: SiteView | undefined }) {
  const { t } = useI18n();
  const name = placement.site ?? site?.name ?? '';
  const map = mapLink(site);
  const address = site?.address;
  if (address === undefined && map === undefined) {
    return null;
  }
  return (
    <p className="site-line">
      {address !== undefined && <span>{t('assignments.address', { address })}</span>}
      {map !== undefined && (
        <>
          {' '}
          <a href={map} target="_blank" rel="noopener noreferrer" aria-label={t('assignments.mapOf', { site: name })}>
            {t('assignments.map')}
          </a>
        </>
      )}
    </p>
  );
}

function PlacementCard({
  placement,
  site,
  now,
  zoneOf,
  onAnswered,
  onShow,
}: {
  placement: Placement;
  site: SiteView | undefined;
  now: Date;
  zoneOf: (assignmentId: string | undefined) => string;
  onAnswered: (assignment: Assignment) => void;
  onShow: (assignmentId: string) => void;
}) {
  const { t, range, dateTime } = useI18n();
  const problemId = useId();
  const [said, setSaid] = useState<{ text: string; focus: boolean }>({ text: '', focus: false });
  const saidRef = useRef<HTMLParagraphElement>(null);
  // In the commit that shows the message: no frame in which the keyboard is still on a button that is gone.
  useLayoutEffect(() => {
    if (said.focus) saidRef.current?.focus();
  }, [said]);
  const zone = placement.timeZone ?? DEFAULT_TIME_ZONE;
  const item = placement.itemTitle ?? '';
  const id = placement.id ?? '';
  const answered = useCallback(
    ({ assignment, said: words }: Answered) => {
      // The control that was used is gone with the status it was for: the keyboard goes on from what it did.
      setSaid({ text: words, focus: true });
      onAnswered(assignment);
    },
    [onAnswered],
  );
  const send = useAction(
    useCallback(
      async (choice: Answer) => {
        const assignment = await answer(id, choice);
        setSaid({ text: t('assignments.answered', { status: t(`assignmentStatus.${assignment.status ?? 'OFFERED'}`) }), focus: false });
        onAnswered(assignment);
      },
      [id, onAnswered, t],
    ),
  );
  const status = placement.status;
  const role = placement.role === TEAM_ROLE ? t('board.teamSlot') : (placement.role ?? '');
  return (
    <li className="card">
      <article aria-labelledby={`placement-${id}`}>
        <h2 id={`placement-${id}`} className="card-title" tabIndex={-1}>
          {item}
        </h2>
        <p>
          {placement.visitTheme}
          {placement.site !== undefined && <span className="muted"> · {placement.site}</span>}
        </p>
        {placement.startsAt !== undefined && placement.endsAt !== undefined && (
          <p className="visit-when">{range(placement.startsAt, placement.endsAt, zone)}</p>
        )}
        <SiteLine placement={placement} site={site} />
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
        {send.problem !== null && (
          <ProblemMessage problem={send.problem} id={problemId}>
            <ClashWords problem={send.problem} zoneOf={zoneOf} then={t('clash.thenAccept')} onShow={onShow} />
          </ProblemMessage>
        )}
        {awaitsReconfirmation(placement) && (
          <ReconfirmControl placement={placement} zoneOf={zoneOf} onAnswered={answered} onShow={onShow} />
        )}
        {mayWithdraw(placement, now) && <WithdrawControl placement={placement} onAnswered={answered} />}
        <p className="done" role="status" tabIndex={-1} ref={saidRef}>
          {said.text}
        </p>
      </article>
    </li>
  );
}

/**
 * Volunteers (and team leads): the places offered to them or held, to accept or decline, to withdraw from, or to
 * reconfirm after a reschedule; where each site is; live.
 */
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
      update((all) => all.map((placement) => (placement.id === assignment.id ? placementWith(placement, assignment) : placement))),
    [update],
  );
  // Read once a render: withdrawing is for places not started yet, the map for those still to come.
  const now = new Date();
  const all = placements.status === 'ready' ? placements.data : NO_PLACEMENTS;
  const sites = useSites(all.filter((placement) => isCurrent(placement, now)).flatMap((placement) => placement.visitId ?? []));
  const zoneOf = useCallback(
    (assignmentId: string | undefined) => all.find((placement) => placement.id === assignmentId)?.timeZone ?? DEFAULT_TIME_ZONE,
    [all],
  );
  const onShow = useCallback((assignmentId: string) => document.getElementById(`placement-${assignmentId}`)?.focus(), []);
  return (
    <>
      <PageHeading text={t('assignments.title')} />
      <p className="intro">{t('assignments.intro')}</p>
      <Outcome loaded={placements} reload={placements.reload}>
        {(mine) =>
          mine.length === 0 ? (
            <p className="empty">{t('assignments.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('assignments.title')}>
              {mine.map((placement) => (
                <PlacementCard
                  key={placement.id}
                  placement={placement}
                  site={placement.visitId === undefined ? undefined : sites.get(placement.visitId)}
                  now={now}
                  zoneOf={zoneOf}
                  onAnswered={onAnswered}
                  onShow={onShow}
                />
              ))}
            </ul>
          )
        }
      </Outcome>
    </>
  );
}
