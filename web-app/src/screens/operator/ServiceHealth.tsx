import { useCallback, useState } from 'react';
import { fetchOperationsHealth } from '../../api/client';
import type { HealthState, ProviderHealth, ServiceHealth as ServiceState } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { Language } from '../../i18n/messages';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useRefreshWhile } from '../../live/useRefresh';

/** How often the page checks again while it is visible: often enough to watch a restart, seldom enough to be cheap. */
export const HEALTH_REFRESH_MS = 10_000;

export function healthTone(state: HealthState): 'neutral' | 'good' | 'bad' {
  switch (state) {
    case 'UP':
      return 'good';
    case 'DOWN':
      return 'bad';
    default:
      return 'neutral';
  }
}

/** To the second, as the checks come every few seconds; in Beijing, as the app's other operator times. */
function clockTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: DEFAULT_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

function Reason({ text }: { text: string | null | undefined }) {
  return text === undefined || text === null ? null : (
    <>
      {' '}
      · <span lang="en">{text}</span>
    </>
  );
}

function ServiceCard({ service }: { service: ServiceState }) {
  const { t, tn } = useI18n();
  const id = `health-${service.name}`;
  return (
    <li className={`card health-card health-${service.state.toLowerCase()}`}>
      <article aria-labelledby={id}>
        <h2 id={id} className="card-title">
          <StatusBadge tone={healthTone(service.state)}>{t(`health.state.${service.state}`)}</StatusBadge>{' '}
          <span lang="en">{service.name}</span>
        </h2>
        <p className="muted health-uri">
          <code>{service.uri}</code> · {tn('health.replicas', service.replicas.length)}
          <Reason text={service.reason} />
        </p>
        {service.replicas.length === 0 ? (
          <p>{t('health.noReplicas')}</p>
        ) : (
          <ul className="replicas" aria-label={t('health.replicasOf', { service: service.name })}>
            {service.replicas.map((replica) => (
              <li key={replica.address} className="replica">
                <StatusBadge tone={healthTone(replica.state)}>{t(`health.state.${replica.state}`)}</StatusBadge>{' '}
                <code>{replica.address}</code>
                {replica.tookMillis === undefined || replica.tookMillis === null ? (
                  <span className="muted"> · {t('health.notAsked')}</span>
                ) : (
                  <>
                    {' '}
                    · <span className="replica-took">{t('health.took', { ms: replica.tookMillis })}</span>
                  </>
                )}
                <Reason text={replica.reason} />
              </li>
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}

function ProviderCard({ provider }: { provider: ProviderHealth }) {
  const { t } = useI18n();
  return (
    <article className={`card health-card health-${provider.state.toLowerCase()}`} aria-labelledby="health-provider">
      <h2 id="health-provider" className="card-title">
        <StatusBadge tone={healthTone(provider.state)}>{t(`health.state.${provider.state}`)}</StatusBadge>{' '}
        {t('health.provider')}
      </h2>
      <dl className="facts">
        <dt>{t('health.issuer')}</dt>
        <dd>
          <code>{provider.issuer}</code>
        </dd>
        <dt>{t('health.responseTime')}</dt>
        <dd>
          {t('health.took', { ms: provider.tookMillis })}
          <Reason text={provider.reason} />
        </dd>
      </dl>
    </article>
  );
}

/** Operators: each service's replicas and the sign-in provider, as the gateway finds them now. */
export function ServiceHealth() {
  const { t, language } = useI18n();
  const [checking, setChecking] = useState(false);
  const health = useLoad(
    useCallback(async () => {
      setChecking(true);
      try {
        return await fetchOperationsHealth();
      } finally {
        setChecking(false);
      }
    }, []),
  );
  const { reload } = health;
  useRefreshWhile(true, HEALTH_REFRESH_MS, reload);
  return (
    <>
      <PageHeading text={t('health.title')} />
      <p className="intro">{t('health.intro')}</p>
      <p>
        <button type="button" className="button" disabled={checking} onClick={reload}>
          {checking ? t('health.checking') : t('health.checkNow')}
        </button>
      </p>
      <Outcome loaded={health} reload={reload}>
        {(report) => {
          const up = report.services.filter((service) => service.state === 'UP').length;
          return (
            <>
              <p className="health-summary">
                <strong>{t('health.summary', { up, total: report.services.length })}</strong>
                <br />
                <span className="muted">
                  {t('health.checkedAt', { time: clockTime(report.checkedAt, language), took: report.tookMillis })}
                </span>
              </p>
              <ul className="cards" aria-label={t('health.services')}>
                {report.services.map((service) => (
                  <ServiceCard key={service.name} service={service} />
                ))}
              </ul>
              <ProviderCard provider={report.provider} />
            </>
          );
        }}
      </Outcome>
    </>
  );
}
