package org.caravan.contracts;

import java.util.List;
import java.util.Optional;
import org.caravan.contracts.donation.AcknowledgementRecorded;
import org.caravan.contracts.donation.DonationCancelled;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationDispatched;
import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.donation.DonationMoved;
import org.caravan.contracts.donation.DonationPledged;
import org.caravan.contracts.donation.DonationReceived;
import org.caravan.contracts.donation.DonorLiaisonNamed;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.staffing.AssignmentReleased;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.contracts.staffing.NoShowRecorded;
import org.caravan.contracts.staffing.ServiceHoursCertified;
import org.caravan.contracts.staffing.ServiceHoursCorrected;
import org.caravan.contracts.staffing.StaffingGapsFound;
import org.caravan.contracts.staffing.VolunteerCheckedIn;
import org.caravan.contracts.staffing.VolunteerCheckedOut;
import org.caravan.contracts.visit.ProgrammeChanged;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitCompleted;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitStarted;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.contracts.volunteer.VolunteerRegistered;

/** Every event version Caravan publishes. The AsyncAPI document is checked against this list. */
public final class EventCatalog {

    public static final EventType<VisitScheduled> VISIT_SCHEDULED = new EventType<>(
            "org.caravan.visit.scheduled.v1",
            VisitScheduled.class,
            Topic.VISITS,
            "A coordinator published a visit: it is on the calendar, with its programme, and can be staffed.");

    public static final EventType<VisitRescheduled> VISIT_RESCHEDULED = new EventType<>(
            "org.caravan.visit.rescheduled.v1",
            VisitRescheduled.class,
            Topic.VISITS,
            "A scheduled visit moved, its programme with it; carries the previous times and the reason.");

    public static final EventType<VisitCancelled> VISIT_CANCELLED = new EventType<>(
            "org.caravan.visit.cancelled.v1",
            VisitCancelled.class,
            Topic.VISITS,
            "A scheduled visit will not take place; carries the reason.");

    public static final EventType<VisitStarted> VISIT_STARTED = new EventType<>(
            "org.caravan.visit.started.v1", VisitStarted.class, Topic.VISITS, "The visit is under way.");

    public static final EventType<VisitCompleted> VISIT_COMPLETED =
            new EventType<>("org.caravan.visit.completed.v1", VisitCompleted.class, Topic.VISITS, "The visit is over.");

    public static final EventType<ProgrammeChanged> PROGRAMME_CHANGED = new EventType<>(
            "org.caravan.visit.programme-changed.v1",
            ProgrammeChanged.class,
            Topic.VISITS,
            "An item of a scheduled visit was added, changed or removed.");

    public static final EventType<VolunteerRegistered> VOLUNTEER_REGISTERED = new EventType<>(
            "org.caravan.volunteer.registered.v1",
            VolunteerRegistered.class,
            Topic.VOLUNTEERS,
            "A coordinator registered a volunteer, with contact, locale and time zone.");

    public static final EventType<AssignmentOffered> ASSIGNMENT_OFFERED = new EventType<>(
            "org.caravan.assignment.offered.v1",
            AssignmentOffered.class,
            Topic.ASSIGNMENTS,
            "A volunteer was offered a role on a programme item.");

    public static final EventType<AssignmentPromoted> ASSIGNMENT_PROMOTED = new EventType<>(
            "org.caravan.assignment.promoted.v1",
            AssignmentPromoted.class,
            Topic.ASSIGNMENTS,
            "A place opened and the first volunteer waiting for one is offered it, until the offer expires.");

    public static final EventType<AssignmentConfirmed> ASSIGNMENT_CONFIRMED = new EventType<>(
            "org.caravan.assignment.confirmed.v1",
            AssignmentConfirmed.class,
            Topic.ASSIGNMENTS,
            "A volunteer accepted and has a place.");

    public static final EventType<AssignmentWaitlisted> ASSIGNMENT_WAITLISTED = new EventType<>(
            "org.caravan.assignment.waitlisted.v1",
            AssignmentWaitlisted.class,
            Topic.ASSIGNMENTS,
            "A volunteer accepted but waits for a place.");

    public static final EventType<AssignmentDeclined> ASSIGNMENT_DECLINED = new EventType<>(
            "org.caravan.assignment.declined.v1",
            AssignmentDeclined.class,
            Topic.ASSIGNMENTS,
            "A volunteer declined an offer.");

    public static final EventType<AssignmentWithdrawn> ASSIGNMENT_WITHDRAWN = new EventType<>(
            "org.caravan.assignment.withdrawn.v1",
            AssignmentWithdrawn.class,
            Topic.ASSIGNMENTS,
            "A volunteer can no longer come; a waitlisted person is offered the place.");

    public static final EventType<AssignmentCancelled> ASSIGNMENT_CANCELLED = new EventType<>(
            "org.caravan.assignment.cancelled.v1",
            AssignmentCancelled.class,
            Topic.ASSIGNMENTS,
            "The visit was cancelled, and with it this place, offer or wait; carries the visit's reason.");

    public static final EventType<AssignmentReleased> ASSIGNMENT_RELEASED = new EventType<>(
            "org.caravan.assignment.released.v1",
            AssignmentReleased.class,
            Topic.ASSIGNMENTS,
            "The assignment's item was removed from the visit's programme, and the place, offer or wait with it.");

    public static final EventType<VolunteerContactChanged> VOLUNTEER_CONTACT_CHANGED = new EventType<>(
            "org.caravan.volunteer.contact-changed.v1",
            VolunteerContactChanged.class,
            Topic.VOLUNTEERS,
            "A volunteer changed their contact, locale, time zone or channel preferences.");

    public static final EventType<AssignmentOfferExpired> ASSIGNMENT_OFFER_EXPIRED = new EventType<>(
            "org.caravan.assignment.offer-expired.v1",
            AssignmentOfferExpired.class,
            Topic.ASSIGNMENTS,
            "An offer went unanswered until it expired.");

    public static final EventType<AssignmentReconfirmationRequested> ASSIGNMENT_RECONFIRMATION_REQUESTED =
            new EventType<>(
                    "org.caravan.assignment.reconfirmation-requested.v1",
                    AssignmentReconfirmationRequested.class,
                    Topic.ASSIGNMENTS,
                    "A rescheduled visit made a confirmed place overlap another; the volunteer is asked to reconfirm.");

    public static final EventType<VolunteerCheckedIn> VOLUNTEER_CHECKED_IN = new EventType<>(
            "org.caravan.assignment.checked-in.v1",
            VolunteerCheckedIn.class,
            Topic.ASSIGNMENTS,
            "A volunteer arrived on site for their item.");

    public static final EventType<VolunteerCheckedOut> VOLUNTEER_CHECKED_OUT = new EventType<>(
            "org.caravan.assignment.checked-out.v1",
            VolunteerCheckedOut.class,
            Topic.ASSIGNMENTS,
            "A volunteer left the site; carries the computed hours, pending certification.");

    public static final EventType<NoShowRecorded> NO_SHOW_RECORDED = new EventType<>(
            "org.caravan.assignment.no-show-recorded.v1",
            NoShowRecorded.class,
            Topic.ASSIGNMENTS,
            "A confirmed volunteer did not come.");

    public static final EventType<ServiceHoursCertified> SERVICE_HOURS_CERTIFIED = new EventType<>(
            "org.caravan.assignment.hours-certified.v1",
            ServiceHoursCertified.class,
            Topic.ASSIGNMENTS,
            "A coordinator certified the service hours of an assignment.");

    public static final EventType<ServiceHoursCorrected> SERVICE_HOURS_CORRECTED = new EventType<>(
            "org.caravan.assignment.hours-corrected.v1",
            ServiceHoursCorrected.class,
            Topic.ASSIGNMENTS,
            "A coordinator added a correction to an assignment's hours; the new total awaits certification.");

    public static final EventType<DonationPledged> DONATION_PLEDGED = new EventType<>(
            "org.caravan.donation.pledged.v1",
            DonationPledged.class,
            Topic.DONATIONS,
            "A donor promised items for a visit or a site.");

    public static final EventType<DonationReceived> DONATION_RECEIVED = new EventType<>(
            "org.caravan.donation.received.v1",
            DonationReceived.class,
            Topic.DONATIONS,
            "Pledged items arrived into storage, possibly fewer or (with a reason) more than pledged.");

    public static final EventType<DonationDispatched> DONATION_DISPATCHED = new EventType<>(
            "org.caravan.donation.dispatched.v1",
            DonationDispatched.class,
            Topic.DONATIONS,
            "Received items were loaded for the visit.");

    public static final EventType<DonationDelivered> DONATION_DELIVERED = new EventType<>(
            "org.caravan.donation.delivered.v1",
            DonationDelivered.class,
            Topic.DONATIONS,
            "Items were handed over at the site; carries the signed receipt.");

    public static final EventType<DonationCancelled> DONATION_CANCELLED = new EventType<>(
            "org.caravan.donation.cancelled.v1",
            DonationCancelled.class,
            Topic.DONATIONS,
            "A pledge will not be fulfilled; carries the reason.");

    public static final EventType<DonationHeld> DONATION_HELD = new EventType<>(
            "org.caravan.donation.held.v1",
            DonationHeld.class,
            Topic.DONATIONS,
            "The pledge's visit was cancelled; the pledge is on hold until moved to another visit.");

    public static final EventType<DonationMoved> DONATION_MOVED = new EventType<>(
            "org.caravan.donation.moved.v1",
            DonationMoved.class,
            Topic.DONATIONS,
            "A pledge was attached to another visit.");

    public static final EventType<AcknowledgementRecorded> ACKNOWLEDGEMENT_RECORDED = new EventType<>(
            "org.caravan.donation.acknowledgement-recorded.v1",
            AcknowledgementRecorded.class,
            Topic.DONATIONS,
            "Something was given in return to a donor or a team at a visit.");

    public static final EventType<DonorLiaisonNamed> DONOR_LIAISON_NAMED = new EventType<>(
            "org.caravan.donor.liaison-named.v1",
            DonorLiaisonNamed.class,
            Topic.DONORS,
            "A donor was registered with a liaison, the login who acts for it; carries how to reach that person.");

    public static final EventType<StaffingGapsFound> STAFFING_GAPS_FOUND = new EventType<>(
            "org.caravan.staffing.gaps-found.v1",
            StaffingGapsFound.class,
            Topic.STAFFING,
            "Shortly before a visit, some of its roles still have fewer people confirmed than needed.");

    private static final List<EventType<?>> ALL = List.of(
            VISIT_SCHEDULED,
            VISIT_RESCHEDULED,
            VISIT_CANCELLED,
            VISIT_STARTED,
            VISIT_COMPLETED,
            PROGRAMME_CHANGED,
            VOLUNTEER_REGISTERED,
            VOLUNTEER_CONTACT_CHANGED,
            ASSIGNMENT_OFFERED,
            ASSIGNMENT_PROMOTED,
            ASSIGNMENT_CONFIRMED,
            ASSIGNMENT_WAITLISTED,
            ASSIGNMENT_DECLINED,
            ASSIGNMENT_WITHDRAWN,
            ASSIGNMENT_CANCELLED,
            ASSIGNMENT_RELEASED,
            ASSIGNMENT_OFFER_EXPIRED,
            ASSIGNMENT_RECONFIRMATION_REQUESTED,
            VOLUNTEER_CHECKED_IN,
            VOLUNTEER_CHECKED_OUT,
            NO_SHOW_RECORDED,
            SERVICE_HOURS_CERTIFIED,
            SERVICE_HOURS_CORRECTED,
            STAFFING_GAPS_FOUND,
            DONATION_PLEDGED,
            DONATION_RECEIVED,
            DONATION_DISPATCHED,
            DONATION_DELIVERED,
            DONATION_CANCELLED,
            DONATION_HELD,
            DONATION_MOVED,
            ACKNOWLEDGEMENT_RECORDED,
            DONOR_LIAISON_NAMED);

    private EventCatalog() {}

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static List<Topic> topics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <E extends CaravanEvent> EventType<E> of(Class<E> payloadType) {
        return (EventType<E>) ALL.stream()
                .filter(type -> type.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalog: " + payloadType.getName()));
    }
}
