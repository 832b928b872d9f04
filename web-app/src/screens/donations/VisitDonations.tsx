import { useCallback, useId } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Manifest } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { useMe } from '../../app/Session';
import { Outcome } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { useNotices } from '../../live/Live';
import { concernsPledges } from '../../live/notices';
import { PledgeCard } from '../liaison/Pledges';
import { donationKind } from './pledgeSteps';

function Totals({ manifest }: { manifest: Manifest }) {
  const { t } = useI18n();
  const captionId = useId();
  const totals = manifest.totals ?? [];
  if (totals.length === 0) {
    return null;
  }
  return (
    <section className="card">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="totals">
          <caption id={captionId}>{t('manifest.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manifest.kind')}</th>
              <th scope="col">{t('manifest.pledged')}</th>
              <th scope="col">{t('manifest.received')}</th>
              <th scope="col">{t('manifest.dispatched')}</th>
              <th scope="col">{t('manifest.delivered')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total) => (
              <tr key={`${total.kind ?? ''}/${total.unit ?? ''}`}>
                <th scope="row">
                  {donationKind(total.kind, t)} <span className="muted">({total.unit})</span>
                </th>
                <td>{total.pledged ?? 0}</td>
                <td>{total.received ?? 0}</td>
                <td>{total.dispatched ?? 0}</td>
                <td>{total.delivered ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('manifest.cancelledNotCounted')}</p>
    </section>
  );
}

function ManifestView({ manifest }: { manifest: Manifest }) {
  const { t } = useI18n();
  const pledgesId = useId();
  const thanksId = useId();
  const pledges = manifest.pledges ?? [];
  const thanks = manifest.acknowledgements ?? [];
  if (pledges.length === 0 && thanks.length === 0) {
    return <p className="empty">{t('manifest.empty')}</p>;
  }
  return (
    <>
      <Totals manifest={manifest} />
      <section aria-labelledby={pledgesId}>
        <h2 id={pledgesId}>{t('manifest.pledges')}</h2>
        {pledges.length === 0 ? (
          <p className="empty">{t('manifest.noPledges')}</p>
        ) : (
          <ul className="cards" aria-labelledby={pledgesId}>
            {pledges.map((pledge) => (
              <PledgeCard key={pledge.pledgeId} pledge={pledge} showVisitLink={false} />
            ))}
          </ul>
        )}
      </section>
      {thanks.length > 0 && (
        <section aria-labelledby={thanksId} className="card">
          <h2 id={thanksId}>{t('manifest.givenInReturn')}</h2>
          <ul>
            {thanks.map((thank, index) => (
              <li key={`${thank.donorId ?? thank.teamName ?? ''}-${index}`}>
                {thank.description}
                {thank.teamName !== undefined && <span className="muted"> · {thank.teamName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * Coordinators (every donor) and liaisons (their own donors only, as donation-service answers them): a visit's
 * donation manifest, with totals per kind, each pledge and what was given in return.
 */
export function VisitDonations() {
  const { t } = useI18n();
  const me = useMe();
  const visitId = useParams().visitId ?? '';
  const coordinator = me.roles.includes('coordinator');
  const visit = useLoad(
    useCallback(() => call(api.events.GET('/api/visits/{id}', { params: { path: { id: visitId } } })), [visitId]),
  );
  const manifest = useLoad(
    useCallback(() => call(api.donations.GET('/api/visits/{visitId}/donations', { params: { path: { visitId } } })), [visitId]),
  );
  const { reload } = manifest;
  useNotices({
    onNotice: (entry) => {
      if (concernsPledges(entry)) reload();
    },
    onResync: reload,
  });
  const theme = visit.status === 'ready' ? (visit.data.theme ?? '') : '';
  const title = theme === '' ? t('manifest.title') : `${t('manifest.title')}: ${theme}`;
  return (
    <>
      <p className="back">
        {coordinator ? (
          <Link to={`/visits/${visitId}`}>← {t('manifest.backToBoard')}</Link>
        ) : (
          <Link to="/pledges">← {t('pledge.back')}</Link>
        )}
      </p>
      {visit.status === 'loading' ? null : (
        <PageHeading text={title}>
          <span className="heading-kicker">{t('manifest.title')}</span> {theme}
        </PageHeading>
      )}
      {visit.status === 'ready' && visit.data.site?.name !== undefined && <p>{visit.data.site.name}</p>}
      <p className="intro">{coordinator ? t('manifest.intro') : t('manifest.introLiaison')}</p>
      <Outcome loaded={manifest} reload={manifest.reload}>
        {(found) => <ManifestView manifest={found} />}
      </Outcome>
    </>
  );
}
