package org.caravan.contracts;

/**
 * One version of one event: its CloudEvents type, the record that is its payload and its topic.
 * A change that breaks consumers is a new type with a new version suffix, published beside the old.
 */
public record EventType<E extends CaravanEvent>(String name, Class<E> payloadType, Topic topic, String summary) {

    /** Where the checked-in JSON sample of this event version lives on the class path. */
    public String samplePath() {
        return "/org/caravan/contracts/samples/" + name + ".json";
    }
}
