package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/**
 * Something given in return (the students' paintings) to a donor or a volunteer team at a visit; keyed by the
 * acknowledgement, since no pledge is involved.
 */
public record AcknowledgementRecorded(
        UUID acknowledgementId,
        UUID visitId,
        UUID donorId,
        String teamName,
        String description,
        String recordedBy,
        Instant recordedAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return acknowledgementId.toString();
    }
}
