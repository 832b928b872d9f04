package org.caravan.contracts.donation;

/**
 * One kind of thing pledged and how far it has come: received into storage, dispatched for the visit,
 * delivered at the site. {@code estimatedValue} is the whole line's value as pledged.
 */
public record PledgeLine(
        int line,
        String kind,
        String description,
        long quantity,
        String unit,
        Money estimatedValue,
        long received,
        long dispatched,
        long delivered) {}
