package org.caravan.containers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everyone offered a place answers at once, by the accept link in their message, as a popular visit's volunteers
 * do: {@code clients} people at a time, each answering the next link as soon as their last answer came back. Each
 * answer keeps when it was sent and when its answer came back, which says which answers followed which.
 */
final class SignUpRush {

    /** One volunteer's answer: the assignment, the HTTP status and body, when it was sent and answered (nanos). */
    record Answer(String assignmentId, int status, String body, long sent, long answered) {}

    /** An assignment as volunteer-service recorded it: its item, status and place in the waitlist (null if none). */
    record Recorded(String assignmentId, String item, String status, Long waitlistOrder) {}

    /** Two answers in the wrong order: {@code later} was sent after {@code earlier} was answered, yet is ahead. */
    record Overtaken(String earlier, String later) {}

    private SignUpRush() {}

    /** Posts every link (assignment id to accept link) on {@code clients} threads; returns every answer. */
    static List<Answer> answerAll(Map<String, String> acceptLinks, int clients) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Queue<Map.Entry<String, String>> links = new ConcurrentLinkedQueue<>(acceptLinks.entrySet());
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(() -> {
                    for (Map.Entry<String, String> link = links.poll(); link != null; link = links.poll()) {
                        answers.add(answer(http, link.getKey(), link.getValue()));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return List.copyOf(answers);
    }

    private static Answer answer(HttpClient http, String assignmentId, String link) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(link))
                .timeout(Duration.ofSeconds(45))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(assignmentId, response.statusCode(), response.body(), sent, System.nanoTime());
    }

    /** The status volunteer-service answered with: CONFIRMED or WAITLISTED for an accepted offer. */
    static String statusIn(Answer answer) {
        return JsonMapper.shared().readTree(answer.body()).path("status").asString();
    }

    /**
     * Every pair of answers to one item that the service put in the wrong order: one was sent only after the other
     * had been answered, yet holds a place while the other waits, or waits ahead of it. Answers in flight together
     * may be ordered either way; ones that followed each other may not.
     */
    static List<Overtaken> overtaken(Collection<Recorded> recorded, Map<String, Answer> answers) {
        List<Overtaken> wrong = new ArrayList<>();
        Map<String, List<Recorded>> byItem = recorded.stream().collect(Collectors.groupingBy(Recorded::item));
        for (List<Recorded> item : byItem.values()) {
            List<Answer> ahead = item.stream()
                    .filter(r -> r.status().equals("CONFIRMED"))
                    .map(r -> answers.get(r.assignmentId()))
                    .toList();
            List<Recorded> waiting = item.stream()
                    .filter(r -> r.status().equals("WAITLISTED"))
                    .sorted(Comparator.comparing(Recorded::waitlistOrder))
                    .toList();
            Answer lastSentAhead =
                    ahead.stream().max(Comparator.comparingLong(Answer::sent)).orElse(null);
            for (Recorded next : waiting) {
                Answer answer = answers.get(next.assignmentId());
                if (lastSentAhead != null && answer.answered() < lastSentAhead.sent()) {
                    wrong.add(new Overtaken(answer.assignmentId(), lastSentAhead.assignmentId()));
                }
                if (lastSentAhead == null || answer.sent() > lastSentAhead.sent()) {
                    lastSentAhead = answer;
                }
            }
        }
        return wrong;
    }
}
