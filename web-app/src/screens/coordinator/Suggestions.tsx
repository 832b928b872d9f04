import { useCallback } from 'react';
import { api, call } from '../../api/client';
import type { Assignment } from '../../api/types';
import { Outcome } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { OfferButton } from './OfferButton';
import { suggestionReasons } from './suggestionReasons';

/** Who fits a role and why (volunteer-service's ranking), each with the action to offer them the place. */
export function Suggestions({
  id,
  itemId,
  itemTitle,
  role,
  roleLabel,
  onOffered,
}: {
  id: string;
  itemId: string;
  itemTitle: string;
  role: string;
  roleLabel: string;
  onOffered: (assignment: Assignment) => void;
}) {
  const { t, language } = useI18n();
  const suggestions = useLoad(
    useCallback(
      () =>
        call(
          api.volunteers.GET('/api/programme-items/{itemId}/suggestions', {
            params: { path: { itemId }, query: { role } },
          }),
        ),
      [itemId, role],
    ),
  );
  const heading = t('board.suggestionsFor', { role: roleLabel, item: itemTitle });
  return (
    <section className="suggestions" id={id} aria-label={heading}>
      <h4>{heading}</h4>
      <Outcome loaded={suggestions} reload={suggestions.reload}>
        {(found) =>
          found.length === 0 ? (
            <p className="empty">{t('board.noSuggestions')}</p>
          ) : (
            <ol className="suggestion-list">
              {found.map((suggestion) => {
                const name = suggestion.name ?? '';
                return (
                  <li key={suggestion.volunteerId} className="suggestion">
                    <p className="suggestion-name">
                      <strong>{name}</strong>
                      {suggestion.district !== undefined && <span className="muted"> · {suggestion.district}</span>}
                    </p>
                    <ul className="reasons">
                      {suggestionReasons(suggestion, t, language).map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                    <OfferButton
                      itemId={itemId}
                      offer={{ role, volunteerId: suggestion.volunteerId }}
                      label={t('board.offer')}
                      accessibleLabel={t('board.offerTo', { role: roleLabel, item: itemTitle, name })}
                      offeredText={t('board.offeredTo', { name })}
                      onOffered={onOffered}
                    />
                  </li>
                );
              })}
            </ol>
          )
        }
      </Outcome>
    </section>
  );
}
