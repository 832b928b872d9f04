package org.caravan.donation.pledge;

/** The three steps items take after the pledge, each bounded by the one before. */
enum Step {
    RECEIVE("received", "quantity", "pledged"),
    DISPATCH("dispatched", "received", "received"),
    DELIVER("delivered", "dispatched", "dispatched");

    final String column;
    final String boundColumn;
    final String boundName;

    Step(String column, String boundColumn, String boundName) {
        this.column = column;
        this.boundColumn = boundColumn;
        this.boundName = boundName;
    }
}
