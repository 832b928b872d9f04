import type { StaffingSummary } from '../staffing/gaps';
import { useI18n } from '../i18n/I18n';

/** Needed against confirmed, and what is still open, in a few words and a meter. */
export function StaffingGlance({ summary, label }: { summary: StaffingSummary; label: string }) {
  const { t, tn } = useI18n();
  if (summary.needed === 0) {
    return <p className="glance muted">{t('staffing.noNeeds')}</p>;
  }
  const confirmed = t('staffing.confirmedOfNeeded', { confirmed: summary.confirmed, needed: summary.needed });
  return (
    <div className={summary.gaps > 0 ? 'glance has-gaps' : 'glance full'}>
      <p className="glance-line">
        <meter min={0} max={summary.needed} value={summary.confirmed} aria-label={label} aria-valuetext={confirmed} />{' '}
        <span>{confirmed}</span>
      </p>
      {summary.gaps > 0 ? (
        <ul className="glance-gaps">
          <li className="gap-count">{tn('staffing.gaps', summary.gaps)}</li>
          <li>{tn('staffing.itemsWithGaps', summary.itemsWithGaps)}</li>
          {summary.unoffered > 0 && <li>{tn('staffing.unoffered', summary.unoffered)}</li>}
        </ul>
      ) : (
        <p className="glance-full">{t('staffing.full')}</p>
      )}
    </div>
  );
}
