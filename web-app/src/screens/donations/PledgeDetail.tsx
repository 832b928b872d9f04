import { useCallback, useId } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { DeliveryReceipt, PledgeView } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { concernsPledges } from '../../live/notices';
import { currentStep, donationKind, lastEntry, pledgeAction, pledgeStatus, pledgeSteps, pledgeTone } from './pledgeSteps';

/**
 * The site's time zone: the donation service does not say it, so it is read from the visit (event-service) when
 * the pledge has one that this person may read; else Beijing's.
 */
function useVisitZone(visitId: string | undefined): string {
  const visit = useLoad(
    useCallback(
      () =>
        visitId === undefined
          ? Promise.resolve(undefined)
          : call(api.events.GET('/api/visits/{id}', { params: { path: { id: visitId } } })),
      [visitId],
    ),
  );
  return visit.status === 'ready' ? (visit.data?.timeZone ?? DEFAULT_TIME_ZONE) : DEFAULT_TIME_ZONE;
}

function Steps({ view, zone }: { view: PledgeView; zone: string }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  const pledge = view.pledge ?? {};
  const history = view.history ?? [];
  const steps = pledgeSteps(pledge, history);
  const current = pledge.status === 'CANCELLED' ? undefined : currentStep(steps);
  const lines = new Map((pledge.lines ?? []).map((line) => [line.line ?? 0, line]));
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('pledge.steps')}</h2>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step.step} className={`step step-${step.state}`} aria-current={step.step === current ? 'step' : undefined}>
            <h3 className="step-name">
              {t(`pledgeStep.${step.step}`)} <span className="step-state">({t(`pledgeStepState.${step.state}`)})</span>
            </h3>
            {step.at !== undefined && <p className="muted">{t('pledge.stepAt', { time: dateTime(step.at, zone) })}</p>}
            {step.step !== 'PLEDGED' && step.lines.length > 0 && (
              <ul className="step-lines">
                {step.lines.map((line) => (
                  <li key={line.line}>
                    {t('pledge.stepLine', { description: line.description, amount: line.amount, of: line.of, unit: line.unit })}
                  </li>
                ))}
              </ul>
            )}
            {step.step === 'DELIVERED' &&
              (view.deliveries ?? []).map((delivery) => (
                <div key={delivery.deliveryId} className="hand-over">
                  <p>
                    {t('pledge.signedBy', {
                      name: delivery.receivedByName ?? '',
                      role: delivery.receivedByRole ?? '',
                      time: delivery.deliveredAt === undefined ? '' : dateTime(delivery.deliveredAt, zone),
                    })}
                  </p>
                  <ul className="step-lines">
                    {(delivery.quantities ?? []).map((quantity) => {
                      const line = lines.get(quantity.line ?? 0);
                      return (
                        <li key={quantity.line}>
                          {t('pledges.line', {
                            quantity: quantity.quantity ?? 0,
                            unit: line?.unit ?? '',
                            description: line?.description ?? line?.kind ?? '',
                          })}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ view, zone }: { view: PledgeView; zone: string }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  const history = view.history ?? [];
  if (history.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('pledge.history')}</h2>
      <ol className="history">
        {history.map((entry, index) => (
          <li key={`${entry.at ?? ''}-${index}`}>
            <strong>{pledgeAction(entry.action, t)}</strong>
            {entry.at !== undefined && <span className="muted"> · {dateTime(entry.at, zone)}</span>}
            {entry.actor !== undefined && <span className="muted"> · {t('pledge.by', { actor: entry.actor })}</span>}
            {entry.detail !== undefined && entry.detail !== '' && (
              <>
                <br />
                <span lang="en">{entry.detail}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The receipt for what was handed over at the site: who gave what, who received and signed, to print. */
export function Receipt({ receipt, zone }: { receipt: DeliveryReceipt; zone: string }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card receipt">
      <h2 id={headingId}>{t('receipt.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('receipt.donor')}</dt>
          <dd>{receipt.donorName}</dd>
        </div>
        <div>
          <dt>{t('receipt.site')}</dt>
          <dd>{receipt.siteName}</dd>
        </div>
        {receipt.visitTheme !== undefined && (
          <div>
            <dt>{t('receipt.visit')}</dt>
            <dd>
              {receipt.visitTheme}
              {receipt.visitStartsAt !== undefined && <> · {dateTime(receipt.visitStartsAt, zone)}</>}
            </dd>
          </div>
        )}
      </dl>
      {(receipt.deliveries ?? []).map((handOver) => (
        <div key={handOver.deliveryId} className="hand-over">
          <h3>
            {t('receipt.handOver', { time: handOver.deliveredAt === undefined ? '' : dateTime(handOver.deliveredAt, zone) })}
          </h3>
          <ul>
            {(handOver.items ?? []).map((item) => (
              <li key={item.line}>
                {t('pledges.line', { quantity: item.quantity ?? 0, unit: item.unit ?? '', description: item.description ?? donationKind(item.kind, t) })}
              </li>
            ))}
          </ul>
          <p>{t('receipt.receivedBy', { name: handOver.receivedByName ?? '', role: handOver.receivedByRole ?? '' })}</p>
          {handOver.signatureRef !== undefined && <p className="muted">{t('receipt.signature', { ref: handOver.signatureRef })}</p>}
        </div>
      ))}
      <p className="no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </p>
    </section>
  );
}

function ReceiptPart({ pledgeId, zone }: { pledgeId: string; zone: string }) {
  const { t } = useI18n();
  const receipt = useLoad(
    useCallback(() => call(api.donations.GET('/api/pledges/{id}/receipt', { params: { path: { id: pledgeId } } })), [pledgeId]),
  );
  return (
    <Outcome loaded={receipt} reload={receipt.reload} loadingLabel={t('receipt.loading')}>
      {(found) => <Receipt receipt={found} zone={zone} />}
    </Outcome>
  );
}

function PledgePage({ view }: { view: PledgeView }) {
  const { t } = useI18n();
  const pledge = view.pledge ?? {};
  const zone = useVisitZone(pledge.visitId);
  const donor = pledge.donorName ?? '';
  const status = pledgeStatus(pledge.status, t);
  const delivered = (view.deliveries ?? []).length > 0;
  const held = pledge.status === 'ON_HOLD' ? lastEntry(view.history ?? [], 'HELD') : undefined;
  const cancelled = pledge.status === 'CANCELLED' ? lastEntry(view.history ?? [], 'CANCELLED') : undefined;
  const why = held ?? cancelled;
  return (
    <>
      <PageHeading text={t('pledge.title', { donor })}>
        <span className="heading-kicker">{t('pledge.kicker')}</span> {donor}
      </PageHeading>
      <div className="visit-facts">
        <p>
          <span className="muted">{t('pledges.column.for')}: </span>
          {pledge.siteName ?? t('pledges.unknownSite')}
        </p>
        {status !== '' && (
          <p>
            <StatusBadge tone={pledgeTone(pledge.status)}>{status}</StatusBadge>
            {why?.detail !== undefined && (
              <span>
                {' '}
                <span lang="en">{why.detail}</span>
              </span>
            )}
          </p>
        )}
        {view.note !== undefined && view.note !== '' && <p className="notice-body">{view.note}</p>}
        {pledge.visitId !== undefined && (
          <p>
            <Link to={`/visits/${pledge.visitId}/donations`}>{t('pledges.visitDonations')}</Link>
          </p>
        )}
      </div>
      <Steps view={view} zone={zone} />
      {delivered ? <ReceiptPart key={(view.deliveries ?? []).length} pledgeId={pledge.pledgeId ?? ''} zone={zone} /> : <p className="muted">{t('receipt.none')}</p>}
      <History view={view} zone={zone} />
    </>
  );
}

/** Liaisons (their donors' pledges; another's is "not found") and coordinators: one pledge's steps and receipt. */
export function PledgeDetail() {
  const { t } = useI18n();
  const pledgeId = useParams().pledgeId ?? '';
  const view = useLoad(
    useCallback(() => call(api.donations.GET('/api/pledges/{id}', { params: { path: { id: pledgeId } } })), [pledgeId]),
  );
  const { reload } = view;
  useNotices({
    onNotice: (entry) => {
      if (concernsPledges(entry, pledgeId)) reload();
    },
    onResync: reload,
  });
  return (
    <>
      <p className="back no-print">
        <Link to="/pledges">← {t('pledge.back')}</Link>
      </p>
      <Outcome loaded={view} reload={view.reload}>
        {(found) => <PledgePage key={found.pledge?.pledgeId} view={found} />}
      </Outcome>
    </>
  );
}
