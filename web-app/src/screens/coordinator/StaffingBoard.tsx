import { useCallback, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Visit } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Outcome } from '../../components/Loading';
import { StaffingGlance } from '../../components/StaffingGlance';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { DEFAULT_TIME_ZONE, zoneName } from '../../i18n/time';
import { useNotices } from '../../live/Live';
import { concernsStaffing } from '../../live/notices';
import { OPEN_OFFERS_REFRESH_MS, useRefreshWhile } from '../../live/useRefresh';
import { byItem, summarise, TEAM_ROLE, type ItemStaffing, type RoleStaffing } from '../../staffing/gaps';
import { useVisitStaffing } from '../../staffing/useVisitStaffing';
import { Suggestions } from './Suggestions';
import { TeamOffer } from './TeamOffer';
import { visitTone } from './visitTone';
import { VisitChange } from './VisitChange';
import { aroundVisitDay } from './attendance';

function skillsOf(visit: Visit, itemId: string, role: string): string[] {
  const item = visit.programme?.find((candidate) => candidate.id === itemId);
  return item?.needs?.find((need) => need.role === role)?.skills ?? [];
}

function RoleCard({
  item,
  role,
  visit,
  onOffered,
}: {
  item: ItemStaffing;
  role: RoleStaffing;
  visit: Visit;
  onOffered: () => void;
}) {
  const { t, language } = useI18n();
  const [suggesting, setSuggesting] = useState(false);
  const panelId = useId();
  const isTeam = role.role === TEAM_ROLE;
  const roleLabel = isTeam ? t('board.teamSlot') : role.role;
  const skills = skillsOf(visit, item.itemId, role.role);
  const counts: [string, number][] = [
    [t('board.column.needed'), role.needed],
    [t('board.column.confirmed'), role.confirmed],
    [t('board.column.offered'), role.offered],
    [t('board.column.waitlisted'), role.waitlisted],
    [t('board.column.gaps'), role.gaps],
  ];
  return (
    <li className={role.gaps > 0 ? 'role-card has-gaps' : 'role-card'}>
      <h3 className="role-name">{roleLabel}</h3>
      {skills.length > 0 && (
        <p className="muted">{t('board.skills', { skills: new Intl.ListFormat(language).format(skills) })}</p>
      )}
      <dl className="counts">
        {counts.map(([label, value]) => (
          <div key={label} className="count">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {isTeam ? (
        <TeamOffer itemId={item.itemId} itemTitle={item.title} onOffered={onOffered} />
      ) : (
        <>
          <button
            type="button"
            className="button secondary"
            aria-expanded={suggesting}
            aria-controls={suggesting ? panelId : undefined}
            aria-label={suggesting ? undefined : t('board.suggestFor', { role: roleLabel, item: item.title })}
            onClick={() => setSuggesting((open) => !open)}
          >
            {suggesting ? t('board.hideSuggestions') : t('board.suggest')}
          </button>
          {suggesting && (
            <Suggestions
              id={panelId}
              itemId={item.itemId}
              itemTitle={item.title}
              role={role.role}
              roleLabel={roleLabel}
              onOffered={onOffered}
            />
          )}
        </>
      )}
    </li>
  );
}

function Board({
  visit,
  visitId,
  onVisitChanged,
  now,
}: {
  visit: Visit;
  visitId: string;
  onVisitChanged: (changed: Visit) => void;
  now: () => Date;
}) {
  const { t, tn, range, time } = useI18n();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const staffing = useVisitStaffing(visitId);
  const { reload } = staffing;
  // Live: declines, withdrawals, no-shows and gap reports reach the coordinator's inbox stream; acceptances are told
  // to the volunteer only, so while offers are open the board also reads its staffing again now and then.
  useNotices({
    onNotice: (entry) => {
      if (concernsStaffing(entry, visitId)) reload();
    },
    onResync: reload,
  });
  const offersOpen = staffing.status === 'ready' && staffing.data.some((line) => (line.offered ?? 0) > 0);
  useRefreshWhile(offersOpen, OPEN_OFFERS_REFRESH_MS, reload);
  const onChanged = useCallback(
    (changed: Visit) => {
      onVisitChanged(changed);
      reload();
    },
    [onVisitChanged, reload],
  );
  const theme = visit.theme ?? '';
  return (
    <>
      <PageHeading text={`${t('board.title')}: ${theme}`}>
        <span className="heading-kicker">{t('board.title')}</span> {theme}
      </PageHeading>
      <div className="visit-facts">
        <p>{t('board.visitAt', { site: visit.site?.name ?? '', district: visit.site?.district ?? '' })}</p>
        {visit.startsAt !== undefined && visit.endsAt !== undefined && (
          <p>
            {range(visit.startsAt, visit.endsAt, zone)}{' '}
            <span className="muted">{t('board.timesIn', { zone: `${zone}, ${zoneName(visit.startsAt, zone, 'en')}` })}</span>
          </p>
        )}
        {visit.expectedAudience !== undefined && <p>{tn('board.audience', visit.expectedAudience)}</p>}
        {visit.status !== undefined && (
          <p>
            <StatusBadge tone={visitTone(visit.status)}>{t(`visitStatus.${visit.status}`)}</StatusBadge>
            {visit.status === 'CANCELLED' && visit.statusReason !== undefined && (
              <span>
                {' '}
                {t('board.cancelledBecause')} <span lang="en">{visit.statusReason}</span>
              </span>
            )}
          </p>
        )}
        <ul className="link-row">
          {aroundVisitDay(visit, now()) && (
            <li>
              <Link to={`/visits/${visitId}/day`}>{t('board.visitDay')}</Link>
            </li>
          )}
          <li>
            <Link to={`/visits/${visitId}/donations`}>{t('board.donations')}</Link>
          </li>
          {(visit.status === 'DRAFT' || visit.status === 'SCHEDULED') && (
            <li>
              <Link to={`/visits/${visitId}/edit`}>{t('board.planVisit')}</Link>
            </li>
          )}
        </ul>
      </div>
      <VisitChange visit={visit} lines={staffing.status === 'ready' ? staffing.data : undefined} onChanged={onChanged} />
      <Outcome loaded={staffing} reload={staffing.reload}>
        {(lines) => {
          const items = byItem(lines);
          if (items.length === 0) {
            return <p className="empty">{t('board.empty')}</p>;
          }
          return (
            <>
              <section aria-labelledby="board-summary" className="card">
                <h2 id="board-summary">{t('board.summary')}</h2>
                <StaffingGlance summary={summarise(lines)} label={t('board.summary')} />
              </section>
              {items.map((item) => (
                <section key={item.itemId} className="item" aria-labelledby={`item-${item.itemId}`}>
                  <h2 id={`item-${item.itemId}`} className="item-title">
                    {item.startsAt !== undefined && <span className="item-time">{time(item.startsAt, zone)}</span>}{' '}
                    {item.title}
                  </h2>
                  <ul className="roles">
                    {item.roles.map((role) => (
                      <RoleCard key={role.role} item={item} role={role} visit={visit} onOffered={reload} />
                    ))}
                  </ul>
                </section>
              ))}
            </>
          );
        }}
      </Outcome>
    </>
  );
}

/**
 * Coordinators: one visit's staffing, item by item and role by role, with suggestions and offers; on and around the
 * visit day, the way to the day's check-in.
 */
export function StaffingBoard({ now = () => new Date() }: { now?: () => Date }) {
  const { t } = useI18n();
  const visitId = useParams().visitId ?? '';
  const visit = useLoad(
    useCallback(() => call(api.events.GET('/api/visits/{id}', { params: { path: { id: visitId } } })), [visitId]),
  );
  const { update } = visit;
  const onVisitChanged = useCallback((changed: Visit) => update(() => changed), [update]);
  return (
    <>
      <p className="back">
        <Link to="/visits">← {t('board.back')}</Link>
      </p>
      <Outcome loaded={visit} reload={visit.reload}>
        {(found) => <Board visit={found} visitId={visitId} onVisitChanged={onVisitChanged} now={now} />}
      </Outcome>
    </>
  );
}
