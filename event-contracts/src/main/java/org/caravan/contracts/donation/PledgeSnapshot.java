package org.caravan.contracts.donation;

import java.util.List;
import java.util.UUID;

/**
 * A pledge as it stands after the change: who gives (and which login is their liaison, to be told), for which
 * visit or site, its status and its lines. {@code visitId} is null for a pledge to a site outside any visit.
 */
public record PledgeSnapshot(
        UUID pledgeId,
        UUID donorId,
        String donorName,
        String liaisonSubject,
        UUID visitId,
        UUID siteId,
        String siteName,
        String status,
        List<PledgeLine> lines) {}
