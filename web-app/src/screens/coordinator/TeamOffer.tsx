import { useCallback, useId, useState } from 'react';
import { api, call } from '../../api/client';
import type { Assignment } from '../../api/types';
import { Outcome } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { OfferButton } from './OfferButton';

/** A whole team's slot: choose a registered team, then offer it the slot (its lead answers). */
export function TeamOffer({
  itemId,
  itemTitle,
  onOffered,
}: {
  itemId: string;
  itemTitle: string;
  onOffered: (assignment: Assignment) => void;
}) {
  const { t } = useI18n();
  const selectId = useId();
  const [teamId, setTeamId] = useState('');
  const teams = useLoad(useCallback(() => call(api.volunteers.GET('/api/teams')), []));
  return (
    <Outcome loaded={teams} reload={teams.reload}>
      {(found) => {
        if (found.length === 0) {
          return <p className="empty">{t('board.noTeams')}</p>;
        }
        const team = found.find((candidate) => candidate.id === teamId);
        return (
          <div className="team-offer">
            <label htmlFor={selectId}>{t('board.team')}</label>
            <select id={selectId} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              <option value="">{t('board.chooseTeam')}</option>
              {found.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
            <OfferButton
              key={teamId}
              itemId={itemId}
              offer={{ teamId }}
              label={t('board.offerTeam')}
              accessibleLabel={t('board.offerTeamFor', { item: itemTitle })}
              offeredText={t('board.offeredTo', { name: team?.name ?? '' })}
              onOffered={onOffered}
              disabled={team === undefined}
            />
          </div>
        );
      }}
    </Outcome>
  );
}
