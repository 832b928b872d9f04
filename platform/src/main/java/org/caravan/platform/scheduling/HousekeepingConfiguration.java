package org.caravan.platform.scheduling;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class HousekeepingConfiguration {

    @Bean
    Housekeeping housekeeping(ObjectProvider<Housekeeping.Chore> chores) {
        return new Housekeeping(chores.orderedStream().toList());
    }
}
