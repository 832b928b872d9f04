import { useCallback } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { Pledge } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { useNotices } from '../../live/Live';
import { concernsPledges } from '../../live/notices';
import { pledgeStatus, pledgeTone } from '../donations/pledgeSteps';

/** One pledge: the donor (a link to its steps and receipt), where it goes, its status and items. */
export function PledgeCard({ pledge, showVisitLink = true }: { pledge: Pledge; showVisitLink?: boolean }) {
  const { t } = useI18n();
  const id = pledge.pledgeId ?? '';
  const status = pledgeStatus(pledge.status, t);
  const donor = pledge.donorName ?? '';
  return (
    <li className="card">
      <article aria-labelledby={`pledge-${id}`}>
        <h2 id={`pledge-${id}`} className="card-title">
          <Link to={`/pledges/${id}`}>{donor}</Link>
        </h2>
        <p>
          <span className="muted">{t('pledges.column.for')}: </span>
          {pledge.siteName ?? t('pledges.unknownSite')}
        </p>
        {status !== '' && (
          <p>
            <StatusBadge tone={pledgeTone(pledge.status)}>{status}</StatusBadge>
          </p>
        )}
        <ul className="pledge-lines" aria-label={t('pledges.column.items')}>
          {(pledge.lines ?? []).map((line) => (
            <li key={line.line}>
              {t('pledges.line', {
                quantity: line.quantity ?? 0,
                unit: line.unit ?? '',
                description: line.description ?? line.kind ?? '',
              })}
              <span className="muted">
                {' '}
                ({t('pledges.progress', {
                  received: line.received ?? 0,
                  dispatched: line.dispatched ?? 0,
                  delivered: line.delivered ?? 0,
                })})
              </span>
            </li>
          ))}
        </ul>
        {showVisitLink && pledge.visitId !== undefined && (
          <p className="card-actions">
            <Link to={`/visits/${pledge.visitId}/donations`}>{t('pledges.visitDonations')}</Link>
          </p>
        )}
      </article>
    </li>
  );
}

/** Donor liaisons (their donors' pledges) and coordinators (all): what was promised and how far it has come. */
export function Pledges() {
  const { t } = useI18n();
  const pledges = useLoad(useCallback(() => call(api.donations.GET('/api/pledges')), []));
  const { reload } = pledges;
  // Live: a liaison hears when a pledge is received, delivered or put on hold.
  useNotices({
    onNotice: (entry) => {
      if (concernsPledges(entry)) reload();
    },
    onResync: reload,
  });
  return (
    <>
      <PageHeading text={t('pledges.title')} />
      <p className="intro">{t('pledges.intro')}</p>
      <Outcome loaded={pledges} reload={pledges.reload}>
        {(all) =>
          all.length === 0 ? (
            <p className="empty">{t('pledges.empty')}</p>
          ) : (
            <ul className="cards" aria-label={t('pledges.title')}>
              {all.map((pledge) => (
                <PledgeCard key={pledge.pledgeId} pledge={pledge} />
              ))}
            </ul>
          )
        }
      </Outcome>
    </>
  );
}
