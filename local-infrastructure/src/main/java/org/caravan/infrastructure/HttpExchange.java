package org.caravan.infrastructure;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One blocking HTTP exchange with a text body, for the tools and the tests that drive Caravan's APIs. */
public final class HttpExchange {

    private HttpExchange() {}

    /** The answer, whatever its status; a service that cannot be reached is an unchecked failure naming it. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Not reachable: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
