package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser as far as the tests need one: it keeps cookies (for the gateway and the provider alike),
 * follows redirects one at a time so that the test sees each, and fills the provider's forms with their CSRF token.
 */
final class Browser {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final URI gateway;
    private String formCsrf;

    Browser(String start) {
        this.gateway = URI.create(start);
        this.http = HttpClient.newBuilder()
                // As browsers speak to a plain-HTTP server: HTTP/1.1, no offer to upgrade to h2c.
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    record Page(URI uri, int status, String location, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        List<String> all(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        tools.jackson.databind.JsonNode json() {
            assertThat(status).as("%s answered %s: %s", uri, status, body).isBetween(200, 299);
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        }

        boolean isRedirect() {
            return status >= 300 && status < 400;
        }
    }

    /** Navigates as a browser does: a GET asking for HTML, nothing followed. */
    Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Accept", "text/html")
                .GET());
    }

    /** Navigates and follows every redirect; answers each page on the way, the last one last. */
    List<Page> navigate(String pathOrUrl) {
        return follow(get(pathOrUrl));
    }

    List<Page> follow(Page first) {
        List<Page> pages = new java.util.ArrayList<>(List.of(first));
        Page page = first;
        while (page.isRedirect()) {
            assertThat(pages).as("redirects so far: %s", pages).hasSizeLessThan(12);
            page = get(page.location());
            pages.add(page);
        }
        return pages;
    }

    /** A call as the web app's JavaScript makes it: JSON, with the CSRF cookie's token as a header when asked. */
    Page api(String method, String path, String body, boolean withCsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(request);
    }

    /** Posts a form; with the last provider page's CSRF token unless the fields have their own. */
    Page post(String pathOrUrl, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (formCsrf != null) {
            all.put("_csrf", formCsrf);
        }
        all.putAll(fields);
        String form = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Opens the gateway's start page, is sent to the provider's sign-in page, signs in there and is sent back:
     * answers the last page, the start page when it worked.
     */
    Page signIn(String email, String password) {
        List<Page> toSignIn = navigate("/");
        Page signInPage = toSignIn.get(toSignIn.size() - 1);
        assertThat(signInPage.status())
                .as("the provider's sign-in page: %s", toSignIn)
                .isEqualTo(200);
        assertThat(signInPage.uri().getPath()).isEqualTo("/login");
        List<Page> back = follow(post(signInPage.uri().toString(), Map.of("email", email, "password", password)));
        return back.get(back.size() - 1);
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", "en");
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Matcher token = FORM_CSRF.matcher(response.body());
            if (token.find()) {
                formCsrf = token.group(1);
            }
            String location = response.headers()
                    .firstValue("Location")
                    .map(l -> built.uri().resolve(l).toString())
                    .orElse(null);
            return new Page(
                    built.uri(),
                    response.statusCode(),
                    location,
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No answer to " + request.build().method() + " "
                            + request.build().uri(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : gateway.resolve(pathOrUrl);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
