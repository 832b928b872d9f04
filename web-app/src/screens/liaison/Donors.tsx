import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { components as DonationSchemas } from '../../api/generated/donation-service';
import { PageHeading } from '../../app/Page';
import { Field } from '../../components/Field';
import { Outcome } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE, localDateTime } from '../../i18n/time';
import { PledgeCard } from './Pledges';

type Statement = DonationSchemas['schemas']['Statement'];

/** An amount in minor units (fen) as money in the reader's language: ¥1,280.00, CN¥1,280.00. */
export function money(minor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

function totals(byCurrency: Record<string, number> | undefined, language: string): string {
  const entries = Object.entries(byCurrency ?? {});
  return entries.length === 0 ? '—' : entries.map(([currency, minor]) => money(minor, currency, language)).join(' + ');
}

/** The year now at the donor's sites (Beijing), and the four before it. */
function years(): number[] {
  const now = Number(localDateTime(new Date(), DEFAULT_TIME_ZONE).slice(0, 4));
  return [now, now - 1, now - 2, now - 3, now - 4];
}

/** Liaisons: the donors they look after, each a link to its pledges and statement. */
export function Donors() {
  const { t } = useI18n();
  const donors = useLoad(useCallback(() => call(api.donations.GET('/api/donors')), []));
  return (
    <>
      <PageHeading text={t('donors.title')} />
      <p className="intro">{t('donors.intro')}</p>
      <Outcome loaded={donors} reload={donors.reload}>
        {(all) =>
          all.length === 0 ? (
            <p className="empty">{t('donors.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('donors.title')}>
              {all.map((donor) => (
                <li key={donor.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/donors/${donor.id ?? ''}`}>{donor.name}</Link>
                  </h2>
                  {donor.contact?.name !== undefined && <p className="muted">{donor.contact.name}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Outcome>
    </>
  );
}

function StatementOfYear({ statement }: { statement: Statement }) {
  const { t, language } = useI18n();
  const sites = statement.sites ?? [];
  return (
    <section aria-labelledby="statement-heading" className="statement">
      <h2 id="statement-heading">{t('donors.statementTitle', { donor: statement.donorName ?? '', year: String(statement.year ?? '') })}</h2>
      {sites.length === 0 ? (
        <p className="empty">{t('donors.nothingGiven')}</p>
      ) : (
        sites.map((site) => (
          <table key={site.siteId} className="totals">
            <caption>{site.siteName}</caption>
            <thead>
              <tr>
                <th scope="col">{t('donors.column.item')}</th>
                <th scope="col">{t('donors.column.quantity')}</th>
                <th scope="col">{t('donors.column.value')}</th>
              </tr>
            </thead>
            <tbody>
              {(site.items ?? []).map((item, index) => (
                <tr key={`${item.description ?? ''}-${String(index)}`}>
                  <td>{item.description}</td>
                  <td>
                    {item.quantity} {item.unit}
                  </td>
                  <td>{item.valueMinor === undefined || item.currency === undefined ? '—' : money(item.valueMinor, item.currency, language)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('donors.siteTotal')}
                </th>
                <td>{totals(site.valueByCurrency, language)}</td>
              </tr>
            </tfoot>
          </table>
        ))
      )}
      <p className="statement-total">
        {t('donors.yearTotal')}: <strong>{totals(statement.valueByCurrency, language)}</strong>
      </p>
      <p className="no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('donors.print')}
        </button>
      </p>
    </section>
  );
}

/** #/donors/{id}: one donor's pledges, where each stands, and the year's statement of what reached each site. */
export function DonorDetail() {
  const { t } = useI18n();
  const { donorId = '' } = useParams();
  const [year, setYear] = useState(() => years()[0] ?? 2026);
  const donor = useLoad(useCallback(() => call(api.donations.GET('/api/donors/{id}', { params: { path: { id: donorId } } })), [donorId]));
  const pledges = useLoad(
    useCallback(() => call(api.donations.GET('/api/pledges', { params: { query: { donorId } } })), [donorId]),
  );
  const statement = useLoad(
    useCallback(
      () => call(api.donations.GET('/api/donors/{id}/statement', { params: { path: { id: donorId }, query: { year } } })),
      [donorId, year],
    ),
  );
  return (
    <Outcome loaded={donor} reload={donor.reload}>
      {(loaded) => (
        <>
          <PageHeading text={loaded.name ?? ''} />
          <p className="no-print">
            <Link to="/donors">← {t('donors.back')}</Link>
          </p>
          <section aria-labelledby="donor-pledges" className="no-print">
            <h2 id="donor-pledges">{t('donors.pledges')}</h2>
            <Outcome loaded={pledges} reload={pledges.reload}>
              {(all) =>
                all.length === 0 ? (
                  <p className="empty">{t('pledges.empty')}</p>
                ) : (
                  <ul className="cards" aria-label={t('donors.pledges')}>
                    {all.map((pledge) => (
                      <PledgeCard key={pledge.pledgeId} pledge={pledge} />
                    ))}
                  </ul>
                )
              }
            </Outcome>
          </section>
          <div className="no-print">
            <Field label={t('donors.year')} messages={[]}>
              {(props) => (
                <select {...props} value={year} onChange={(event) => setYear(Number(event.target.value))}>
                  {years().map((one) => (
                    <option key={one} value={one}>
                      {one}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Outcome loaded={statement} reload={statement.reload}>
            {(loadedStatement) => <StatementOfYear statement={loadedStatement} />}
          </Outcome>
        </>
      )}
    </Outcome>
  );
}
