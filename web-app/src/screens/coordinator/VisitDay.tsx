import { useCallback, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Assignment, HoursStatement, ItemAssignment, ProgrammeItem, StaffingLine, Visit } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Loading, Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { concernsStaffing } from '../../live/notices';
import { TEAM_ROLE } from '../../staffing/gaps';
import { useVisitStaffing } from '../../staffing/useVisitStaffing';
import { assignmentTone } from '../volunteer/MyAssignments';
import { actionsFor, checkInOrder, hoursOf, isCertified, itemEnd, type DayAction } from './attendance';

/** Where the visit day's list of people per programme item comes from (App's route passes assignmentsOnItem). */
export type ItemAssignments = (itemId: string) => Promise<ItemAssignment[]>;

/**
 * Everyone on the item, with names (a team slot by the team's), from volunteer-service: places first, then offers,
 * the waitlist and what ended; the day's list keeps those with a place.
 */
export const assignmentsOnItem: ItemAssignments = (itemId) =>
  call(api.volunteers.GET('/api/programme-items/{itemId}/assignments', { params: { path: { itemId } } }));

type Attendance = Exclude<DayAction, 'certify'>;

function attend(action: Attendance, id: string): Promise<Assignment> {
  const options = { params: { path: { id } } };
  // No time is sent: the service records the present moment (a coordinator could send an earlier one).
  switch (action) {
    case 'checkIn':
      return call(api.volunteers.POST('/api/assignments/{id}/check-in', options));
    case 'checkOut':
      return call(api.volunteers.POST('/api/assignments/{id}/check-out', options));
    case 'noShow':
      return call(api.volunteers.POST('/api/assignments/{id}/no-show', options));
  }
}

/** Certifies the hours as they stand; the answer is the volunteer's statement, with the new entry. */
function certify(id: string): Promise<HoursStatement> {
  return call(api.volunteers.POST('/api/assignments/{id}/hours/certify', { params: { path: { id } } }));
}

function AttendanceRow({
  assignment,
  end,
  zone,
  now,
  onChanged,
}: {
  assignment: ItemAssignment;
  end: Date | undefined;
  zone: string;
  now: () => Date;
  onChanged: (assignment: Assignment) => void;
}) {
  const { t, time } = useI18n();
  const problemId = useId();
  const id = assignment.id ?? '';
  const volunteerId = assignment.volunteerId ?? '';
  const [said, setSaid] = useState('');
  const checkedOut = assignment.status === 'CHECKED_OUT';
  const statement = useLoad(
    useCallback(
      () =>
        checkedOut
          ? call(api.volunteers.GET('/api/volunteers/{id}/service-hours', { params: { path: { id: volunteerId } } }))
          : Promise.resolve(undefined),
      [checkedOut, volunteerId],
    ),
  );
  const [certified, setCertified] = useState<HoursStatement | undefined>(undefined);
  const hours = hoursOf(certified ?? (statement.status === 'ready' ? statement.data : undefined), id);
  const who = assignment.name ?? t('day.someone');
  const act = useAction(
    useCallback(
      async (action: DayAction) => {
        if (action === 'certify') {
          const answer = await certify(id);
          setCertified(answer);
          setSaid(t('day.said.certified', { name: who, hours: hoursOf(answer, id)?.certified ?? 0 }));
          return;
        }
        const changed = await attend(action, id);
        const at = action === 'checkIn' ? changed.checkedInAt : changed.checkedOutAt;
        setSaid(
          action === 'noShow'
            ? t('day.said.noShow', { name: who })
            : t(action === 'checkIn' ? 'day.said.checkedIn' : 'day.said.checkedOut', {
                name: who,
                time: at === undefined ? '' : time(at, zone),
              }),
        );
        onChanged(changed);
      },
      [id, who, zone, time, t, onChanged],
    ),
  );
  const actions = actionsFor(assignment, end, now(), hours);
  const status = assignment.status;
  const role = assignment.role === TEAM_ROLE ? t('board.teamSlot') : (assignment.role ?? '');
  const label: Record<DayAction, string> = {
    checkIn: t('day.checkInName', { name: who }),
    checkOut: t('day.checkOutName', { name: who }),
    noShow: t('day.noShowName', { name: who }),
    certify: t('day.certifyName', { name: who }),
  };
  const visible: Record<DayAction, string> = {
    checkIn: t('day.checkIn'),
    checkOut: t('day.checkOut'),
    noShow: t('day.noShow'),
    certify: t('day.certify'),
  };
  return (
    <li className="attendance">
      <div className="attendance-who">
        <p className="attendance-name">
          <strong>{who}</strong> <span className="muted">· {role}</span>
          {assignment.leadName !== undefined && <span className="muted"> · {t('day.ledBy', { name: assignment.leadName })}</span>}
        </p>
        {status !== undefined && <StatusBadge tone={assignmentTone(status)}>{t(`assignmentStatus.${status}`)}</StatusBadge>}
        <p className="muted attendance-times">
          {assignment.checkedInAt !== undefined && <span>{t('day.in', { time: time(assignment.checkedInAt, zone) })} </span>}
          {assignment.checkedOutAt !== undefined && <span>{t('day.out', { time: time(assignment.checkedOutAt, zone) })} </span>}
          {hours !== undefined && (
            <span>
              {isCertified(hours)
                ? t('day.hoursCertified', { hours: hours.total })
                : t('day.hoursPending', { hours: hours.total })}
            </span>
          )}
        </p>
      </div>
      {actions.length > 0 && (
        <div className="attendance-actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'noShow' ? 'button big secondary' : 'button big'}
              aria-label={label[action]}
              aria-describedby={act.problem === null ? undefined : problemId}
              disabled={act.running}
              onClick={() => void act.run(action)}
            >
              {visible[action]}
            </button>
          ))}
        </div>
      )}
      {act.problem !== null && <ProblemMessage problem={act.problem} id={problemId} />}
      <p className="done" role="status">
        {said}
      </p>
    </li>
  );
}

function CheckInList({
  item,
  visitId,
  zone,
  load,
  now,
}: {
  item: ProgrammeItem;
  visitId: string;
  zone: string;
  load: ItemAssignments;
  now: () => Date;
}) {
  const { t } = useI18n();
  const itemId = item.id ?? '';
  const assignments = useLoad(useCallback(() => load(itemId), [load, itemId]));
  const { update, reload } = assignments;
  // A withdrawal or a no-show recorded elsewhere changes who is on the list, as it changes the counts.
  useNotices({
    onNotice: (entry) => {
      if (concernsStaffing(entry, visitId)) reload();
    },
    onResync: reload,
  });
  // The answer of an action is the assignment alone: the name stays the one listed.
  const onChanged = useCallback(
    (changed: Assignment) => update((all) => all.map((known) => (known.id === changed.id ? { ...known, ...changed } : known))),
    [update],
  );
  const end = itemEnd(item, zone);
  return (
    <Outcome loaded={assignments} reload={assignments.reload}>
      {(all) => {
        const list = checkInOrder(all);
        return list.length === 0 ? (
          <p className="empty">{t('day.nobody')}</p>
        ) : (
          <ul className="attendance-list" aria-label={t('day.listFor', { item: item.title ?? '' })}>
            {list.map((assignment) => (
              <AttendanceRow key={assignment.id} assignment={assignment} end={end} zone={zone} now={now} onChanged={onChanged} />
            ))}
          </ul>
        );
      }}
    </Outcome>
  );
}

function ItemDay({
  item,
  visitId,
  lines,
  zone,
  load,
  now,
}: {
  item: ProgrammeItem;
  visitId: string;
  lines: readonly StaffingLine[];
  zone: string;
  load: ItemAssignments;
  now: () => Date;
}) {
  const { t, time } = useI18n();
  const headingId = useId();
  const title = item.title ?? '';
  return (
    <section className="card day-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="item-title">
        {item.startsAt !== undefined && <span className="item-time">{time(item.startsAt, zone)}</span>} {title}
      </h2>
      {lines.length > 0 && (
        <ul className="day-counts">
          {lines.map((line) => (
            <li key={line.role}>
              {t('day.roleCount', {
                role: line.role === TEAM_ROLE ? t('board.teamSlot') : (line.role ?? ''),
                confirmed: line.confirmed ?? 0,
                needed: line.needed ?? 0,
              })}
            </li>
          ))}
        </ul>
      )}
      <CheckInList item={item} visitId={visitId} zone={zone} load={load} now={now} />
    </section>
  );
}

function Day({ visit, load, now }: { visit: Visit; load: ItemAssignments; now: () => Date }) {
  const { t, range } = useI18n();
  const visitId = visit.id ?? '';
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const staffing = useVisitStaffing(visitId);
  const { reload } = staffing;
  useNotices({
    onNotice: (entry) => {
      if (concernsStaffing(entry, visitId)) reload();
    },
    onResync: reload,
  });
  const theme = visit.theme ?? '';
  const items = [...(visit.programme ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const lines = staffing.status === 'ready' ? staffing.data : [];
  return (
    <>
      <PageHeading text={`${t('day.title')}: ${theme}`}>
        <span className="heading-kicker">{t('day.title')}</span> {theme}
      </PageHeading>
      <div className="visit-facts">
        <p>{visit.site?.name}</p>
        {visit.startsAt !== undefined && visit.endsAt !== undefined && <p>{range(visit.startsAt, visit.endsAt, zone)}</p>}
        <p className="muted">{t('day.intro')}</p>
      </div>
      {staffing.status === 'loading' && <Loading label={t('staffing.loading')} />}
      {staffing.status === 'failed' && <ProblemMessage problem={staffing.problem} />}
      {items.length === 0 ? (
        <p className="empty">{t('day.noProgramme')}</p>
      ) : (
        items.map((item) => (
          <ItemDay
            key={item.id}
            item={item}
            visitId={visitId}
            lines={lines.filter((line) => line.itemId === item.id)}
            zone={zone}
            load={load}
            now={now}
          />
        ))
      )}
    </>
  );
}

/** Coordinators on the visit day, on a phone: per programme item, who came; check in and out, no-shows, hours. */
export function VisitDay({ itemAssignments, now = () => new Date() }: { itemAssignments: ItemAssignments; now?: () => Date }) {
  const { t } = useI18n();
  const visitId = useParams().visitId ?? '';
  const visit = useLoad(
    useCallback(() => call(api.events.GET('/api/visits/{id}', { params: { path: { id: visitId } } })), [visitId]),
  );
  return (
    <>
      <p className="back">
        <Link to={`/visits/${visitId}`}>← {t('manifest.backToBoard')}</Link>
      </p>
      <Outcome loaded={visit} reload={visit.reload}>
        {(found) => <Day visit={found} load={itemAssignments} now={now} />}
      </Outcome>
    </>
  );
}
