import { useCallback, useId, useState } from 'react';
import type { Assignment, Offer } from '../../api/types';
import { ProblemMessage } from '../../components/Problem';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18n';
import { offerPlace } from './offer';

/**
 * "Offer the place", with the answer next to it. A double booking can be made knowingly: the coordinator then
 * gives a reason and offers anyway (the service records it as overrideReason).
 */
export function OfferButton({
  itemId,
  offer,
  label,
  accessibleLabel,
  offeredText,
  onOffered,
  disabled = false,
}: {
  itemId: string;
  offer: Offer;
  label: string;
  accessibleLabel: string;
  offeredText: string;
  onOffered: (assignment: Assignment) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [offered, setOffered] = useState(false);
  const [reason, setReason] = useState('');
  const problemId = useId();
  const reasonId = useId();
  const send = useAction(
    useCallback(
      async (overrideReason?: string) => {
        const assignment = await offerPlace(itemId, overrideReason === undefined ? offer : { ...offer, overrideReason });
        setOffered(true);
        onOffered(assignment);
        return assignment;
      },
      [itemId, offer, onOffered],
    ),
  );

  if (offered) {
    return (
      <p className="done" role="status">
        {offeredText}
      </p>
    );
  }
  const doubleBooked = send.problem?.kind === 'double-booking';
  return (
    <div className="action">
      <button
        type="button"
        className="button"
        aria-label={accessibleLabel}
        aria-describedby={send.problem === null ? undefined : problemId}
        disabled={disabled || send.running}
        onClick={() => void send.run()}
      >
        {send.running ? t('board.sending') : label}
      </button>
      {send.problem !== null && <ProblemMessage problem={send.problem} id={problemId} />}
      {doubleBooked && (
        <form
          className="override"
          onSubmit={(event) => {
            event.preventDefault();
            void send.run(reason.trim());
          }}
        >
          <label htmlFor={reasonId}>{t('board.overrideReason')}</label>
          <textarea id={reasonId} value={reason} maxLength={500} required rows={2} onChange={(event) => setReason(event.target.value)} />
          <button type="submit" className="button warning" disabled={send.running || reason.trim() === ''}>
            {t('board.offerAnyway')}
          </button>
        </form>
      )}
    </div>
  );
}
