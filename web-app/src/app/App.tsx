import type { ReactNode } from 'react';
import { createHashRouter, Link, Navigate, RouterProvider, type RouteObject } from 'react-router';
import type { Me } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { StaffingBoard } from '../screens/coordinator/StaffingBoard';
import { UpcomingVisits } from '../screens/coordinator/UpcomingVisits';
import { assignmentsOnItem, VisitDay } from '../screens/coordinator/VisitDay';
import { EditVisit, NewVisit } from '../screens/coordinator/VisitEditor';
import { PledgeDetail } from '../screens/donations/PledgeDetail';
import { VisitDonations } from '../screens/donations/VisitDonations';
import { DonorDetail, Donors } from '../screens/liaison/Donors';
import { Pledges } from '../screens/liaison/Pledges';
import { DeadLetters } from '../screens/operator/DeadLetters';
import { Deliveries } from '../screens/operator/Deliveries';
import { ServiceHealth } from '../screens/operator/ServiceHealth';
import { Inbox } from '../screens/volunteer/Inbox';
import { MyAssignments } from '../screens/volunteer/MyAssignments';
import { MyHours } from '../screens/volunteer/MyHours';
import { MyProfile } from '../screens/volunteer/MyProfile';
import { mayOpen, screensFor } from './navigation';
import { PageHeading } from './Page';
import { Session, useMe } from './Session';
import { Shell } from './Shell';

function NotForYou() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading text={t('app.name')} />
      <p>{t('app.nothingForYourRoles')}</p>
    </>
  );
}

/** A screen for the roles that may open it (the services refuse the others anyway). */
function For({ screen, children }: { screen: string; children: ReactNode }) {
  const me = useMe();
  return mayOpen(screen, me.roles) ? <>{children}</> : <NotForYou />;
}

/** The start: the first screen the person's roles open. */
function Start() {
  const me = useMe();
  const first = screensFor(me.roles)[0];
  return first === undefined ? <NotForYou /> : <Navigate to={first.path} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading text={t('app.notFound')} />
      <p>
        <Link to="/">{t('app.backToStart')}</Link>
      </p>
    </>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Start /> },
      { path: 'visits', element: <For screen="/visits"><UpcomingVisits /></For> },
      { path: 'visits/new', element: <For screen="/visits"><NewVisit /></For> },
      { path: 'visits/:visitId', element: <For screen="/visits"><StaffingBoard /></For> },
      { path: 'visits/:visitId/edit', element: <For screen="/visits"><EditVisit /></For> },
      { path: 'visits/:visitId/day', element: <For screen="/visits"><VisitDay itemAssignments={assignmentsOnItem} /></For> },
      { path: 'visits/:visitId/donations', element: <For screen="/pledges"><VisitDonations /></For> },
      { path: 'assignments', element: <For screen="/assignments"><MyAssignments /></For> },
      { path: 'hours', element: <For screen="/hours"><MyHours /></For> },
      { path: 'profile', element: <For screen="/profile"><MyProfile /></For> },
      { path: 'inbox', element: <For screen="/inbox"><Inbox /></For> },
      { path: 'donors', element: <For screen="/donors"><Donors /></For> },
      { path: 'donors/:donorId', element: <For screen="/donors"><DonorDetail /></For> },
      { path: 'deliveries', element: <For screen="/deliveries"><Deliveries /></For> },
      { path: 'dead-letters', element: <For screen="/dead-letters"><DeadLetters /></For> },
      { path: 'health', element: <For screen="/health"><ServiceHealth /></For> },
      { path: 'pledges', element: <For screen="/pledges"><Pledges /></For> },
      { path: 'pledges/:pledgeId', element: <For screen="/pledges"><PledgeDetail /></For> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * Hash routes (/#/visits/...): the gateway serves index.html at / only, so a reload or a shared link of any screen
 * still reaches the app.
 */
const router = createHashRouter(routes);

export function App({ loadMe }: { loadMe?: () => Promise<Me> }) {
  return (
    <Session load={loadMe}>
      <RouterProvider router={router} />
    </Session>
  );
}
