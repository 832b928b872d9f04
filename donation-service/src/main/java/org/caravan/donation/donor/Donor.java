package org.caravan.donation.donor;

import java.time.Instant;
import java.util.UUID;

/** An organisation, team or person who gives in kind or money; {@code liaisonSubject} is their liaison's login. */
public record Donor(UUID id, String name, String kind, Contact contact, String liaisonSubject, Instant createdAt) {

    public record Contact(String name, String phone, String email) {}
}
