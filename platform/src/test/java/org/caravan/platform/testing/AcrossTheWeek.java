package org.caravan.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the class once at each of the {@link Moments}: the class takes the moment as a
 * {@code @Parameter Moments moment} field and sets {@link TestClock} to it before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "at {0}")
@EnumSource(Moments.class)
public @interface AcrossTheWeek {}
