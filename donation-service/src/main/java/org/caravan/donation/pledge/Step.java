package org.caravan.donation.pledge;

/** The three steps items take after the pledge, each bounded by the one before. */
enum Step {
    RECEIVE("received", "pledged"),
    DISPATCH("dispatched", "received"),
    DELIVER("delivered", "dispatched");

    /** What a line's count after this step is called, and the count before it that bounds it. */
    final String counted;

    final String boundName;

    Step(String counted, String boundName) {
        this.counted = counted;
        this.boundName = boundName;
    }
}
