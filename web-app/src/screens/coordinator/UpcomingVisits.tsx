import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { VisitSummary } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StaffingGlance } from '../../components/StaffingGlance';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { needsStaffing, summarise } from '../../staffing/gaps';
import { useVisitStaffing } from '../../staffing/useVisitStaffing';
import { aroundVisitDay } from './attendance';
import { visitTone } from './visitTone';
import { monthKey, monthOfDay, parseMonth, today as todayAt } from './calendar';
import { MonthCalendar } from './MonthCalendar';

const PAGE_SIZE = 20;

function VisitStaffing({ visit }: { visit: VisitSummary }) {
  const { t } = useI18n();
  const staffing = useVisitStaffing(visit.id ?? '');
  return (
    <Outcome loaded={staffing} reload={staffing.reload} loadingLabel={t('staffing.loading')}>
      {(lines) => <StaffingGlance summary={summarise(lines)} label={t('visits.column.staffing')} />}
    </Outcome>
  );
}

function VisitCard({ visit, now }: { visit: VisitSummary; now: Date }) {
  const { t, range } = useI18n();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const theme = visit.theme ?? '';
  const status = visit.status;
  return (
    <li className="card visit-card">
      <article aria-labelledby={`visit-${visit.id ?? ''}`}>
        <h2 id={`visit-${visit.id ?? ''}`} className="card-title">
          {theme}
        </h2>
        <p className="visit-site">
          {visit.site?.name}
          {visit.site?.district !== undefined && <span className="muted"> · {visit.site.district}</span>}
        </p>
        {visit.startsAt !== undefined && visit.endsAt !== undefined && (
          <p className="visit-when">{range(visit.startsAt, visit.endsAt, zone)}</p>
        )}
        {status !== undefined && (
          <p>
            <StatusBadge tone={visitTone(status)}>{t(`visitStatus.${status}`)}</StatusBadge>
          </p>
        )}
        <div className="visit-staffing">
          {needsStaffing(status) ? <VisitStaffing visit={visit} /> : <p className="muted">{t('staffing.notApplicable')}</p>}
        </div>
        <p className="card-actions">
          <Link className="button" to={`/visits/${visit.id ?? ''}`} aria-label={t('visits.openBoardFor', { theme })}>
            {t('visits.openBoard')}
          </Link>
          {aroundVisitDay(visit, now) && (
            <>
              {' '}
              <Link className="button secondary" to={`/visits/${visit.id ?? ''}/day`} aria-label={t('visits.openDayFor', { theme })}>
                {t('visits.openDay')}
              </Link>
            </>
          )}
        </p>
      </article>
    </li>
  );
}

/** Visits that have not ended, soonest first, each with its staffing at a glance and, on its day, check-in. */
function VisitList({ now }: { now: () => Date }) {
  const { t } = useI18n();
  const [from] = useState(() => now().toISOString());
  const [today] = useState(now);
  const [more, setMore] = useState<VisitSummary[]>([]);
  const [nextPage, setNextPage] = useState(1);
  const first = useLoad(
    useCallback(
      () => call(api.events.GET('/api/visits', { params: { query: { from, page: 0, size: PAGE_SIZE } } })),
      [from],
    ),
  );
  const loadMore = useAction(
    useCallback(async () => {
      const page = await call(
        api.events.GET('/api/visits', { params: { query: { from, page: nextPage, size: PAGE_SIZE } } }),
      );
      setMore((previous) => [...previous, ...(page.items ?? [])]);
      setNextPage((previous) => previous + 1);
    }, [from, nextPage]),
  );

  return (
    <Outcome loaded={first} reload={first.reload}>
      {(page) => {
        const visits = [...(page.items ?? []), ...more];
        const total = page.total ?? visits.length;
        if (visits.length === 0) {
          return <p className="empty">{t('visits.empty')}</p>;
        }
        return (
          <>
            <ul className="cards" aria-label={t('visits.title')}>
              {visits.map((visit) => (
                <VisitCard key={visit.id} visit={visit} now={today} />
              ))}
            </ul>
            <p className="muted" role="status">
              {t('visits.shown', { shown: visits.length, total })}
            </p>
            {visits.length < total && (
              <p>
                <button
                  type="button"
                  className="button secondary"
                  disabled={loadMore.running}
                  onClick={() => void loadMore.run()}
                >
                  {t('visits.showMore')}
                </button>
              </p>
            )}
            {loadMore.problem !== null && <ProblemMessage problem={loadMore.problem} />}
          </>
        );
      }}
    </Outcome>
  );
}

type View = 'list' | 'calendar';

/**
 * Coordinators: the visits to come as a list, or a month's visits as a calendar; the view and the month are in the
 * address, so a reload or a shared link shows the same.
 */
export function UpcomingVisits({ now = () => new Date() }: { now?: () => Date }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const [today] = useState(() => todayAt(now()));
  const view: View = search.get('view') === 'calendar' ? 'calendar' : 'list';
  const month = parseMonth(search.get('month')) ?? monthOfDay(today);
  const views: { view: View; search: string }[] = [
    { view: 'list', search: '?view=list' },
    { view: 'calendar', search: `?view=calendar&month=${monthKey(month)}` },
  ];
  return (
    <>
      <PageHeading text={t('visits.title')} />
      <p className="intro">{t(view === 'calendar' ? 'visits.intro.calendar' : 'visits.intro')}</p>
      <div className="visits-bar">
        <Link className="button" to="/visits/new">
          {t('visits.newVisit')}
        </Link>
        <nav className="view-switch" aria-label={t('visits.view')}>
          {views.map((choice) => (
            <Link
              key={choice.view}
              to={{ search: choice.search }}
              aria-current={choice.view === view ? 'page' : undefined}
            >
              {t(`visits.view.${choice.view}`)}
            </Link>
          ))}
        </nav>
      </div>
      {view === 'calendar' ? <MonthCalendar month={month} today={today} /> : <VisitList now={now} />}
    </>
  );
}
