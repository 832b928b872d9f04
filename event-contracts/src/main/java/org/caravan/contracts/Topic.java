package org.caravan.contracts;

/** A Kafka topic that carries the events of one aggregate type. */
public record Topic(String name, String aggregateType) {

    public static final Topic VISITS = new Topic("caravan.visits.v1", "visit");

    /** Where a consumer group's poison records go, with the failure in their headers. */
    public String deadLetterTopic(String consumerGroup) {
        return name + "." + consumerGroup + ".dlq";
    }
}
