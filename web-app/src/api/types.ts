import type { components as DonationSchemas } from './generated/donation-service';
import type { components as EventSchemas } from './generated/event-service';
import type { components as NotificationSchemas } from './generated/notification-service';
import type { components as VolunteerSchemas } from './generated/volunteer-service';

export type VisitSummary = EventSchemas['schemas']['Summary'];
export type VisitPage = EventSchemas['schemas']['Page'];
export type Visit = EventSchemas['schemas']['VisitView'];
export type ProgrammeItem = EventSchemas['schemas']['Item'];
export type VisitStatus = NonNullable<VisitSummary['status']>;

export type StaffingLine = VolunteerSchemas['schemas']['Line'];
export type Suggestion = VolunteerSchemas['schemas']['Suggestion'];
export type Placement = VolunteerSchemas['schemas']['Placement'];
export type Assignment = VolunteerSchemas['schemas']['Assignment'];
/** One of an item's assignments as the visit day lists it, with the name of whom it is for. */
export type ItemAssignment = VolunteerSchemas['schemas']['ItemAssignment'];
export type AssignmentStatus = NonNullable<Placement['status']>;
export type Team = VolunteerSchemas['schemas']['Team'];
export type Offer = VolunteerSchemas['schemas']['Offer'];

export type Pledge = DonationSchemas['schemas']['PledgeSnapshot'];
export type PledgeLine = DonationSchemas['schemas']['PledgeLine'];

export type InboxEntry = NotificationSchemas['schemas']['InboxEntry'];
export type DeliveryView = NotificationSchemas['schemas']['DeliveryView'];
/** The same on every service (platform's DeadLetterController); notification-service's document is as good as any. */
export type DeadLetterSummary = NotificationSchemas['schemas']['DeadLetterSummary'];
export type DeadLetterView = NotificationSchemas['schemas']['DeadLetterView'];

export type HoursStatement = VolunteerSchemas['schemas']['Statement'];
export type Volunteer = VolunteerSchemas['schemas']['Volunteer'];

export type PledgeView = DonationSchemas['schemas']['PledgeView'];
export type PledgeHistoryEntry = DonationSchemas['schemas']['HistoryEntry'];
export type PledgeDelivery = DonationSchemas['schemas']['Receipt'];
export type DeliveryReceipt = DonationSchemas['schemas']['DeliveryReceipt'];
export type Manifest = DonationSchemas['schemas']['Manifest'];
export type ManifestTotal = DonationSchemas['schemas']['Total'];

export type Profile = VolunteerSchemas['schemas']['Profile'];
export type ContactPreferences = VolunteerSchemas['schemas']['ContactPreferences'];
export type Availability = VolunteerSchemas['schemas']['Availability'];
export type WeeklyWindow = VolunteerSchemas['schemas']['WeeklyWindow'];
export type Weekday = NonNullable<WeeklyWindow['day']>;
export type DatedException = VolunteerSchemas['schemas']['DatedException'];
export type FeedLink = VolunteerSchemas['schemas']['FeedLink'];
export type HoursEntry = VolunteerSchemas['schemas']['Entry'];
export type YearTotal = VolunteerSchemas['schemas']['YearTotal'];
export type SiteView = EventSchemas['schemas']['SiteView'];

/**
 * The gateway's own answer to `GET /api/operations/health` (its record HealthReport), written by hand: the gateway
 * answers it itself and has no OpenAPI document to generate from. `src/test/operations-health.sample.json`, a copy of
 * the gateway's test sample, keeps the two in step (src/api/operationsHealth.test.ts).
 */
export type HealthState = 'UP' | 'DOWN' | 'UNCHECKED';

export interface ReplicaHealth {
  /** Address and port, where the routes send the replica requests. */
  address: string;
  state: HealthState;
  /** Why it is not ready, in the gateway's English words; absent when it is, or was not asked. */
  reason?: string | null;
  /** How long its readiness check took; absent when it was not asked (no readiness port). */
  tookMillis?: number | null;
}

export interface ServiceHealth {
  /** As the routes know it: "event-service". */
  name: string;
  uri: string;
  /** UP when any replica is, DOWN when every checked one is not (or none was found), else UNCHECKED. */
  state: HealthState;
  reason?: string | null;
  replicas: ReplicaHealth[];
}

export interface ProviderHealth {
  issuer: string;
  /** Where the gateway read the discovery document (its back channel to the provider, if it has one). */
  discovery: string;
  state: HealthState;
  reason?: string | null;
  tookMillis: number;
}

export interface OperationsHealth {
  /** An instant: when the checks began. */
  checkedAt: string;
  tookMillis: number;
  services: ServiceHealth[];
  provider: ProviderHealth;
}
