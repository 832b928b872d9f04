import { useCallback } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { VisitSummary } from '../../api/types';
import { Outcome } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useNarrowScreen } from '../../hooks/useNarrowScreen';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { needsStaffing, summarise } from '../../staffing/gaps';
import { useVisitStaffing } from '../../staffing/useVisitStaffing';
import {
  addMonths,
  longDay,
  type Month,
  monthKey,
  monthOfDay,
  monthTitle,
  monthWindow,
  placeInMonth,
  weekdays,
  weeksOf,
} from './calendar';
import { visitTone } from './visitTone';

/** The most event-service gives in one page; a month of more visits is read a page at a time. */
const PAGE_SIZE = 200;
/** A bound on the pages read for one month, so that a service answering wrongly cannot keep the page loading. */
const MOST_PAGES = 20;

async function visitsBetween(from: string, to: string): Promise<VisitSummary[]> {
  const visits: VisitSummary[] = [];
  for (let page = 0; page < MOST_PAGES; page++) {
    const answer = await call(api.events.GET('/api/visits', { params: { query: { from, to, page, size: PAGE_SIZE } } }));
    const items = answer.items ?? [];
    visits.push(...items);
    if (items.length === 0 || visits.length >= (answer.total ?? 0)) break;
  }
  return visits;
}

/** A visit's places still to fill, in a few words: the calendar has no room for the whole glance. */
function PlacesToFill({ visitId }: { visitId: string }) {
  const { t, tn } = useI18n();
  const staffing = useVisitStaffing(visitId);
  if (staffing.status === 'loading') {
    return <span className="calendar-staffing muted">{t('staffing.loading')}</span>;
  }
  if (staffing.status === 'failed') {
    return <span className="calendar-staffing muted">{t('calendar.staffingUnknown')}</span>;
  }
  const summary = summarise(staffing.data);
  if (summary.needed === 0) {
    return <span className="calendar-staffing muted">{t('staffing.noNeeds')}</span>;
  }
  return summary.gaps > 0 ? (
    <span className="calendar-staffing has-gaps">{tn('calendar.gaps', summary.gaps)}</span>
  ) : (
    <span className="calendar-staffing full">{t('calendar.full')}</span>
  );
}

function CalendarVisit({ visit }: { visit: VisitSummary }) {
  const { t, time } = useI18n();
  const id = visit.id ?? '';
  const status = visit.status;
  return (
    <li className="calendar-visit">
      <Link to={`/visits/${id}`}>
        {visit.startsAt !== undefined && (
          <span className="calendar-time">{time(visit.startsAt, visit.timeZone ?? DEFAULT_TIME_ZONE)}</span>
        )}{' '}
        <span className="calendar-theme">{visit.theme}</span>
      </Link>{' '}
      {status !== undefined && status !== 'SCHEDULED' && (
        <StatusBadge tone={visitTone(status)}>{t(`visitStatus.${status}`)}</StatusBadge>
      )}{' '}
      {needsStaffing(status) && <PlacesToFill visitId={id} />}
    </li>
  );
}

function DayVisits({ day, visits }: { day: string; visits: VisitSummary[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="calendar-visits" aria-label={t('calendar.visitsOn', { day: longDay(day, language) })}>
      {visits.map((visit) => (
        <CalendarVisit key={visit.id} visit={visit} />
      ))}
    </ul>
  );
}

function TodayMark() {
  const { t } = useI18n();
  return <span className="today-mark">{t('calendar.todayMark')}</span>;
}

/** Desktop: the month as a table of weeks, Monday first, the days of the months either side greyed. */
function MonthGrid({ month, days, today }: { month: Month; days: Map<string, VisitSummary[]>; today: string }) {
  const { t, language } = useI18n();
  const key = monthKey(month);
  return (
    <table className="month-grid">
      <caption className="visually-hidden">{t('calendar.month', { month: monthTitle(month, language) })}</caption>
      <thead>
        <tr>
          {weekdays(language).map((weekday) => (
            <th key={weekday.long} scope="col">
              <abbr title={weekday.long}>{weekday.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(month).map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const visits = days.get(day) ?? [];
              const classes = [day.startsWith(key) ? '' : 'outside', day === today ? 'today' : ''].filter(Boolean);
              return (
                <td key={day} className={classes.join(' ') || undefined} aria-current={day === today ? 'date' : undefined}>
                  <p className="calendar-date">
                    <time dateTime={day} aria-label={longDay(day, language)}>
                      {Number(day.slice(8))}
                    </time>
                    {day === today && <TodayMark />}
                  </p>
                  {visits.length > 0 && <DayVisits day={day} visits={visits} />}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Phone: the days of the month that have visits, in order, each under its date in words. */
function MonthAgenda({ month, days, today }: { month: Month; days: Map<string, VisitSummary[]>; today: string }) {
  const { t, language } = useI18n();
  const dates = [...days.keys()].sort();
  return (
    <ol className="agenda" aria-label={t('calendar.month', { month: monthTitle(month, language) })}>
      {dates.map((day) => (
        <li key={day} className={day === today ? 'today' : undefined} aria-current={day === today ? 'date' : undefined}>
          <h3 className="agenda-date">
            <time dateTime={day}>{longDay(day, language)}</time>
            {day === today && <TodayMark />}
          </h3>
          <DayVisits day={day} visits={days.get(day) ?? []} />
        </li>
      ))}
    </ol>
  );
}

/**
 * Coordinators: a month of visits at a glance, each on the day it starts at its site, with its time, theme and places
 * still to fill, leading to its staffing board. The month is in the address (?view=calendar&month=2026-09).
 */
export function MonthCalendar({ month, today }: { month: Month; today: string }) {
  const { t, tn, language } = useI18n();
  const narrow = useNarrowScreen();
  const key = monthKey(month);
  const { from, to: until } = monthWindow(month);
  const visits = useLoad(useCallback(() => visitsBetween(from, until), [from, until]));
  const title = monthTitle(month, language);
  const to = (shown: Month) => ({ search: `?view=calendar&month=${monthKey(shown)}` });

  return (
    <section className="calendar" aria-labelledby="calendar-title">
      <div className="calendar-bar">
        <h2 id="calendar-title">{title}</h2>
        <nav className="calendar-moves" aria-label={t('calendar.navigation')}>
          <Link className="button secondary" to={to(addMonths(month, -1))}>
            <span aria-hidden="true">{'‹\u00a0'}</span>
            {t('calendar.previous')}
          </Link>
          <Link
            className="button secondary"
            to={to(monthOfDay(today))}
            aria-current={key === monthKey(monthOfDay(today)) ? 'date' : undefined}
          >
            {t('calendar.today')}
          </Link>
          <Link className="button secondary" to={to(addMonths(month, 1))}>
            {t('calendar.next')}
            <span aria-hidden="true">{'\u00a0›'}</span>
          </Link>
        </nav>
      </div>
      <Outcome loaded={visits} reload={visits.reload}>
        {(found) => {
          const days = placeInMonth(found, month);
          const count = [...days.values()].reduce((sum, list) => sum + list.length, 0);
          return (
            <>
              <p className={count === 0 ? 'empty' : 'muted'} role="status">
                {count === 0 ? t('calendar.none', { month: title }) : tn('calendar.visits', count)}
              </p>
              {narrow ? (
                count > 0 && <MonthAgenda month={month} days={days} today={today} />
              ) : (
                <div className="month-scroll">
                  <MonthGrid month={month} days={days} today={today} />
                </div>
              )}
            </>
          );
        }}
      </Outcome>
    </section>
  );
}
