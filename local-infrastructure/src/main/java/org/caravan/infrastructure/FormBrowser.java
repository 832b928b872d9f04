package org.caravan.infrastructure;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser, as far as signing in needs one: cookies for the gateway and the provider alike, redirects
 * followed one at a time so each is seen, and forms filled with the CSRF token of the page they came from. For the
 * tests that sign people in over HTTP (the end-to-end and container tests); a real browser drives the web app.
 */
public final class FormBrowser {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final URI start;
    private String formCsrf;

    public FormBrowser(String start) {
        this.start = URI.create(start);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public record Page(URI uri, int status, String location, String body) {

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location != null;
        }
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Accept", "text/html")
                .GET());
    }

    /** The pages on the way, the last one last. */
    public List<Page> follow(Page first) {
        List<Page> pages = new ArrayList<>(List.of(first));
        Page page = first;
        while (page.isRedirect()) {
            if (pages.size() > 12) {
                throw new IllegalStateException("Redirected in circles: " + pages);
            }
            page = get(page.location());
            pages.add(page);
        }
        return pages;
    }

    public List<Page> navigate(String pathOrUrl) {
        return follow(get(pathOrUrl));
    }

    public Page post(String pathOrUrl, Map<String, String> fields) {
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

    /** A call as the web app makes it: JSON, and the CSRF cookie's token as a header when asked. */
    public Page api(String method, String path, String json, boolean withCsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(request);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * Chooses a password with an invitation's (or a reset's) e-mailed link: opens it, then sends the form; the page
     * the provider answers with.
     */
    public Page choosePassword(String link, String password) {
        get(link);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        return post(
                URI.create(link).resolve("/password/new").toString(),
                Map.of("token", token, "password", password, "confirmation", password));
    }

    /**
     * Opens the start page, is sent to the provider's sign-in form, signs in there and is sent back: every page on
     * the way, the last one last.
     */
    public List<Page> signIn(String email, String password) {
        List<Page> toSignIn = navigate("/");
        Page form = toSignIn.get(toSignIn.size() - 1);
        if (!form.uri().getPath().equals("/login") || form.status() != 200) {
            throw new IllegalStateException("Sent to " + form.uri() + " (" + form.status() + "), not a sign-in form");
        }
        List<Page> pages = new ArrayList<>(toSignIn);
        pages.addAll(follow(post(form.uri().toString(), Map.of("email", email, "password", password))));
        return pages;
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", "en");
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Matcher token = FORM_CSRF.matcher(response.body());
            if (token.find()) {
                formCsrf = token.group(1);
            }
            String location = response.headers()
                    .firstValue("Location")
                    .map(l -> built.uri().resolve(l).toString())
                    .orElse(null);
            return new Page(built.uri(), response.statusCode(), location, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : start.resolve(pathOrUrl);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
