package org.caravan.platform.security;

import java.util.List;

/** A service was given a secret anyone could know or guess; it does not start. */
public class UnsafeSecretException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeSecretException(List<String> problems) {
        super("Refusing to start with unsafe secrets: " + String.join("; ", problems) + ". " + remedy());
        this.problems = List.copyOf(problems);
    }

    /** Each as "property (environment variable NAME) what is wrong". */
    public List<String> problems() {
        return problems;
    }

    static String remedy() {
        return "Set each to a random value of at least " + Secrets.MINIMUM_BYTES
                + " bytes (e.g. openssl rand -base64 32), the same on every service that shares it;"
                + " ./caravan run generates its own in .caravan/secrets/";
    }
}
