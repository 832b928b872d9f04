package org.caravan.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service whose secrets are unsafe, before any bean exists (so before it touches the database or
 * Kafka). A service names the properties holding its secrets in {@code caravan.secrets.required} (each must be
 * set) and {@code caravan.secrets.optional} (lists, e.g. previous secrets kept for a rotation; each value given is
 * checked). Outside the {@code local} profile each must pass {@link Secrets#weakness}; in it, a published or short
 * value is logged as a warning, a missing one still refused. It runs here rather than as the environment is
 * prepared so that every property source counts, the tests' dynamic properties too.
 */
public class SecretsCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String REQUIRED = "caravan.secrets.required";
    static final String OPTIONAL = "caravan.secrets.optional";

    private static final Logger log = LoggerFactory.getLogger(SecretsCheck.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws {@link UnsafeSecretException} naming every unsafe secret, with its property and variable. */
    public static void check(Environment environment) {
        Binder binder =
                environment instanceof ConfigurableEnvironment configurable ? Binder.get(configurable) : new Binder();
        boolean local = environment.matchesProfiles(Secrets.LOCAL_PROFILE);
        List<String> problems = new ArrayList<>();
        for (String property : names(binder, REQUIRED)) {
            String value = binder.bind(property, String.class).orElse(null);
            judge(property, value, local, problems);
        }
        for (String property : names(binder, OPTIONAL)) {
            for (String value : names(binder, property)) {
                judge(property, value, local, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeSecretException(problems);
        }
    }

    private static void judge(String property, String value, boolean local, List<String> problems) {
        Secrets.weakness(value).ifPresent(weakness -> {
            String problem =
                    property + " (environment variable " + Secrets.environmentVariable(property) + ") " + weakness;
            if (local && value != null && !value.isBlank()) {
                log.warn("{}: accepted in the local profile only", problem);
            } else {
                problems.add(problem);
            }
        });
    }

    private static List<String> names(Binder binder, String property) {
        return binder.bind(property, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
