package org.caravan.contracts;

/** A Kafka topic that carries the events of one aggregate type. */
public record Topic(String name, String aggregateType) {

    public static final Topic VISITS = new Topic("caravan.visits.v1", "visit");
    public static final Topic VOLUNTEERS = new Topic("caravan.volunteers.v1", "volunteer");
    public static final Topic ASSIGNMENTS = new Topic("caravan.assignments.v1", "assignment");
    public static final Topic STAFFING = new Topic("caravan.staffing.v1", "visit");
    public static final Topic DONATIONS = new Topic("caravan.donations.v1", "pledge");
    public static final Topic DONORS = new Topic("caravan.donors.v1", "donor");
}
