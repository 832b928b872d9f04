import { useCallback, useId, useState } from 'react';
import { api, call } from '../../api/client';
import type { HoursStatement, Volunteer, YearTotal } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { certification, linesOfYear, yearsNewestFirst, type HoursLine } from './hours';

/** The volunteer's own volunteer record (their id for the hours, their name for the statement). */
export function loadMyVolunteer(): Promise<Volunteer> {
  return call(api.volunteers.GET('/api/volunteers/me'));
}

function YearTotals({ years }: { years: readonly YearTotal[] }) {
  const { t } = useI18n();
  const amount = (hours: number | undefined) => t('hours.amount', { hours: hours ?? 0 });
  return (
    <table className="totals hours-years no-print">
      <caption>{t('hours.years')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hours.column.year')}</th>
          <th scope="col">{t('hours.column.total')}</th>
          <th scope="col">{t('hours.column.certified')}</th>
          <th scope="col">{t('hours.column.pending')}</th>
        </tr>
      </thead>
      <tbody>
        {years.map((year) => (
          <tr key={year.year}>
            <th scope="row">{year.year}</th>
            <td>{amount(year.totalHours)}</td>
            <td>{amount(year.certifiedHours)}</td>
            <td>{amount(year.pendingHours)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LineState({ line }: { line: HoursLine }) {
  const { t } = useI18n();
  const state = certification(line);
  if (state === 'partly') {
    return <>{t('hours.state.partly', { hours: line.certified ?? 0 })}</>;
  }
  return <>{t(state === 'certified' ? 'hours.state.certified' : 'hours.state.pending')}</>;
}

/** The printable statement of one year: who, which year, each item served with its date and hours, the total. */
function Statement({ volunteer, statement, total }: { volunteer: Volunteer; statement: HoursStatement; total: YearTotal }) {
  const { t, date } = useI18n();
  const headingId = useId();
  const year = total.year ?? 0;
  const lines = linesOfYear(statement, year);
  // A year is a name, not an amount: "2026", never "2,026".
  const yearText = String(year);
  const zone = volunteer.timeZone ?? DEFAULT_TIME_ZONE;
  const amount = (hours: number | undefined) => t('hours.amount', { hours: hours ?? 0 });
  return (
    <section className="card statement" aria-labelledby={headingId}>
      <p className="print-only statement-issuer">
        {t('app.name')} · {t('app.tagline')}
      </p>
      <h2 id={headingId}>{t('hours.statementTitle', { year: yearText })}</h2>
      <dl className="facts statement-facts">
        <div>
          <dt>{t('hours.volunteer')}</dt>
          <dd>{volunteer.name}</dd>
        </div>
        <div>
          <dt>{t('hours.year')}</dt>
          <dd>{year}</dd>
        </div>
      </dl>
      {lines.length === 0 ? (
        <p>{t('hours.noItems', { year: yearText })}</p>
      ) : (
        <table className="statement-table">
          <thead>
            <tr>
              <th scope="col">{t('hours.column.date')}</th>
              <th scope="col">{t('hours.column.item')}</th>
              <th scope="col" className="number">
                {t('hours.column.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.assignmentId}>
                <td>{line.itemStartsAt === undefined ? '' : date(line.itemStartsAt, DEFAULT_TIME_ZONE)}</td>
                <td>
                  {line.itemTitle}
                  {line.site !== undefined && (
                    <>
                      <br />
                      <span className="muted">{line.site}</span>
                    </>
                  )}
                </td>
                <td className="number">
                  {amount(line.total)}
                  <br />
                  <span className="line-state">
                    <LineState line={line} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('hours.totalOf', { year: yearText })}
              </th>
              <td className="number">{amount(total.totalHours)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <p className="statement-summary">
        {t('hours.summary', {
          year: yearText,
          total: total.totalHours ?? 0,
          certified: total.certifiedHours ?? 0,
          pending: total.pendingHours ?? 0,
        })}
      </p>
      <p className="muted">{t('hours.datesIn')}</p>
      <p className="print-only">{t('hours.printedOn', { date: date(new Date().toISOString(), zone) })}</p>
      <p className="no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('hours.print')}
        </button>
      </p>
    </section>
  );
}

function Hours({ volunteer, statement }: { volunteer: Volunteer; statement: HoursStatement }) {
  const { t } = useI18n();
  const years = yearsNewestFirst(statement);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const yearId = useId();
  if (years.length === 0) {
    return <p className="empty">{t('hours.empty')}</p>;
  }
  const total = years.find((year) => year.year === chosen) ?? years[0];
  return (
    <>
      <YearTotals years={years} />
      {years.length > 1 && (
        <div className="field no-print year-choice">
          <label htmlFor={yearId}>{t('hours.chooseYear')}</label>
          <select id={yearId} value={total?.year} onChange={(event) => setChosen(Number(event.target.value))}>
            {years.map((year) => (
              <option key={year.year} value={year.year}>
                {year.year}
              </option>
            ))}
          </select>
        </div>
      )}
      {total !== undefined && <Statement volunteer={volunteer} statement={statement} total={total} />}
    </>
  );
}

function HoursOf({ volunteer }: { volunteer: Volunteer }) {
  const id = volunteer.id ?? '';
  const statement = useLoad(
    useCallback(() => call(api.volunteers.GET('/api/volunteers/{id}/service-hours', { params: { path: { id } } })), [id]),
  );
  const { reload } = statement;
  // Live: certified hours arrive as a notice; after a gap in the stream, read them again.
  useNotices({
    onNotice: (entry) => {
      if (entry.kind === 'HOURS_CERTIFIED') reload();
    },
    onResync: reload,
  });
  return (
    <Outcome loaded={statement} reload={reload}>
      {(found) => <Hours volunteer={volunteer} statement={found} />}
    </Outcome>
  );
}

/** Volunteers: their service hours per year, certified and not yet, with a statement of a year to print. */
export function MyHours() {
  const { t } = useI18n();
  const volunteer = useLoad(loadMyVolunteer);
  return (
    <div className="hours-screen">
      <PageHeading text={t('hours.title')} />
      <p className="intro no-print">{t('hours.intro')}</p>
      <Outcome loaded={volunteer} reload={volunteer.reload}>
        {(found) => <HoursOf key={found.id} volunteer={found} />}
      </Outcome>
    </div>
  );
}
