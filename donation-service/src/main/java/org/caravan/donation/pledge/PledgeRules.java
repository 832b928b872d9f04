package org.caravan.donation.pledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.platform.web.ProblemException;

/**
 * What a pledge's steps may carry and the status its lines imply. Quantities only move forward, and never past
 * the step before: delivered ≤ dispatched ≤ received ≤ pledged per line (receiving more than pledged needs a
 * stated reason). A step that would break this is refused as a whole, with every offending line named.
 */
final class PledgeRules {

    private PledgeRules() {}

    /** The furthest step every line has reached; a pledge is DELIVERED once every line is. */
    static PledgeStatus statusOf(List<PledgeLine> lines) {
        if (lines.stream().allMatch(l -> l.delivered() >= l.quantity())) {
            return PledgeStatus.DELIVERED;
        }
        if (lines.stream().anyMatch(l -> l.delivered() > 0)) {
            return PledgeStatus.PARTIALLY_DELIVERED;
        }
        if (lines.stream().anyMatch(l -> l.dispatched() > 0)) {
            return PledgeStatus.DISPATCHED;
        }
        return lines.stream().anyMatch(l -> l.received() > 0) ? PledgeStatus.RECEIVED : PledgeStatus.PLEDGED;
    }

    /**
     * The status the pledge has once the step moved these quantities, or a refusal (409): a closed pledge, an
     * ON_HOLD one asked for anything but receiving into storage, or quantities out of order. A held pledge stays
     * ON_HOLD whatever it receives.
     */
    static PledgeStatus afterStep(
            PledgeSnapshot pledge, Step step, List<ItemQuantity> quantities, String overDeliveryReason) {
        PledgeStatus status = PledgeStatus.of(pledge);
        status.requireOpen();
        if (step != Step.RECEIVE && status == PledgeStatus.ON_HOLD) {
            throw ProblemException.conflict(
                    "Pledge is ON_HOLD", "Its visit was cancelled; move it to another visit before dispatching");
        }
        List<String> violations = violations(pledge.lines(), step, quantities, overDeliveryReason);
        if (!violations.isEmpty()) {
            throw ProblemException.conflict("Quantities out of order", String.join("; ", violations))
                    .with("violations", violations);
        }
        return status == PledgeStatus.ON_HOLD ? status : statusOf(moved(pledge.lines(), step, quantities));
    }

    /** The status a pledge takes when it goes to another visit: the one its lines imply, out of ON_HOLD. */
    static PledgeStatus afterMove(PledgeSnapshot pledge, UUID visitId) {
        PledgeStatus.of(pledge).requireOpen();
        if (visitId.equals(pledge.visitId())) {
            throw ProblemException.conflict("Already there", "The pledge is already for visit " + visitId);
        }
        return statusOf(pledge.lines());
    }

    /** Every line the quantities cannot be moved on, each said once; none when the step may go ahead. */
    static List<String> violations(
            List<PledgeLine> pledged, Step step, List<ItemQuantity> quantities, String overDeliveryReason) {
        Map<Integer, PledgeLine> lines = byNumber(pledged);
        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (ItemQuantity q : quantities) {
            PledgeLine line = lines.get(q.line());
            if (line == null) {
                violations.add("the pledge has no line " + q.line());
            } else if (!seen.add(q.line())) {
                violations.add("line " + q.line() + " is named twice");
            } else {
                long after = current(line, step) + q.quantity();
                long bound = bound(line, step);
                boolean overDelivery = step == Step.RECEIVE && overDeliveryReason != null;
                if (after > bound && !overDelivery) {
                    violations.add("line " + q.line() + " (" + line.description() + "): " + step.counted
                            + " would be " + after + ", more than the " + bound + " " + step.boundName
                            + (step == Step.RECEIVE ? " (give overDeliveryReason for an over-delivery)" : ""));
                }
            }
        }
        return violations;
    }

    /** The lines once the step moved the quantities (which {@link #violations} found in order). */
    static List<PledgeLine> moved(List<PledgeLine> lines, Step step, List<ItemQuantity> quantities) {
        Map<Integer, Long> by =
                quantities.stream().collect(Collectors.toMap(ItemQuantity::line, ItemQuantity::quantity, Long::sum));
        return lines.stream()
                .map(line -> {
                    long more = by.getOrDefault(line.line(), 0L);
                    return new PledgeLine(
                            line.line(),
                            line.kind(),
                            line.description(),
                            line.quantity(),
                            line.unit(),
                            line.estimatedValue(),
                            line.received() + (step == Step.RECEIVE ? more : 0),
                            line.dispatched() + (step == Step.DISPATCH ? more : 0),
                            line.delivered() + (step == Step.DELIVER ? more : 0));
                })
                .toList();
    }

    private static Map<Integer, PledgeLine> byNumber(List<PledgeLine> lines) {
        return lines.stream().collect(Collectors.toMap(PledgeLine::line, Function.identity()));
    }

    private static long current(PledgeLine line, Step step) {
        return switch (step) {
            case RECEIVE -> line.received();
            case DISPATCH -> line.dispatched();
            case DELIVER -> line.delivered();
        };
    }

    private static long bound(PledgeLine line, Step step) {
        return switch (step) {
            case RECEIVE -> line.quantity();
            case DISPATCH -> line.received();
            case DELIVER -> line.dispatched();
        };
    }
}
