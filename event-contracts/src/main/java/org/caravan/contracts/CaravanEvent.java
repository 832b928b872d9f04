package org.caravan.contracts;

/** An integration event: a fact one service tells the others, keyed by the aggregate it happened to. */
public interface CaravanEvent {

    /** The Kafka record key: events of one aggregate stay in order on one partition. */
    String aggregateId();
}
