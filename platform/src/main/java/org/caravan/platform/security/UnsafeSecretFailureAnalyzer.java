package org.caravan.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at start-up, in Spring Boot's "APPLICATION FAILED TO START" report, which secret is unsafe and why. */
class UnsafeSecretFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSecretException cause) {
        return new FailureAnalysis(
                "Unsafe secrets:\n  - " + String.join("\n  - ", cause.problems()),
                UnsafeSecretException.remedy() + ".",
                cause);
    }
}
