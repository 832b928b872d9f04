package org.caravan.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class SweepsTests {

    private final String job = "Test job " + UUID.randomUUID();

    @Test
    void aPassReturnsWhatItDidAndIsCountedAsFinished() {
        assertThat(Sweeps.finishedPasses(job)).isZero();

        assertThat(Sweeps.run(job, Mono.just(3L))).isEqualTo(3);
        assertThat(Sweeps.run(job, Mono.just(0L))).isZero();

        assertThat(Sweeps.finishedPasses(job)).isEqualTo(2);
    }

    @Test
    void aFailedPassDidNothingButHasFinishedAllTheSame() {
        assertThat(Sweeps.run(job, Mono.error(new IllegalStateException("the database is away"))))
                .isZero();

        assertThat(Sweeps.finishedPasses(job)).isEqualTo(1);
    }

    @Test
    void eachJobCountsItsOwnPasses() {
        Sweeps.run(job, Mono.just(1L));

        assertThat(Sweeps.finishedPasses(job + " (another)")).isZero();
    }
}
