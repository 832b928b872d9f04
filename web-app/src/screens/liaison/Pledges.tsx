import { useCallback } from 'react';
import { api, call } from '../../api/client';
import type { Pledge } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { isMessageKey } from '../../i18n/translate';

function tone(status: string | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  if (status === 'DELIVERED') return 'good';
  if (status === 'CANCELLED') return 'bad';
  if (status === 'ON_HOLD') return 'warning';
  return 'neutral';
}

function PledgeCard({ pledge }: { pledge: Pledge }) {
  const { t } = useI18n();
  const id = pledge.pledgeId ?? '';
  const statusKey = `pledgeStatus.${pledge.status ?? ''}`;
  const status = isMessageKey(statusKey) ? t(statusKey) : (pledge.status ?? '');
  return (
    <li className="card">
      <article aria-labelledby={`pledge-${id}`}>
        <h2 id={`pledge-${id}`} className="card-title">
          {pledge.donorName}
        </h2>
        <p>
          <span className="muted">{t('pledges.column.for')}: </span>
          {pledge.siteName ?? t('pledges.unknownSite')}
        </p>
        {status !== '' && (
          <p>
            <StatusBadge tone={tone(pledge.status)}>{status}</StatusBadge>
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
      </article>
    </li>
  );
}

/** Donor liaisons (their donors' pledges) and coordinators (all): what was promised and how far it has come. */
export function Pledges() {
  const { t } = useI18n();
  const pledges = useLoad(useCallback(() => call(api.donations.GET('/api/pledges')), []));
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
