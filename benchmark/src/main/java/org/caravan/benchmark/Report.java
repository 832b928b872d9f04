package org.caravan.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** The steps as a CSV, latency against load as a PNG, and the summary as text. */
final class Report {

    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
    };

    private final Path directory;

    Report(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    Path csv(List<Step> steps) throws IOException {
        List<String> processes = steps.stream()
                .flatMap(s -> s.cpuPercent().keySet().stream())
                .distinct()
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("configuration,offered_per_s,achieved_per_s,e2e_p50_ms,e2e_p95_ms,e2e_p99_ms,e2e_max_ms,"
                + "accept_p50_ms,accept_p99_ms,errors,untold,sustained,"
                + processes.stream().map(p -> "cpu_pct " + p).collect(Collectors.joining(",")));
        for (Step s : steps) {
            lines.add(String.format(
                            Locale.ROOT,
                            "%s,%.0f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d,%b,",
                            s.configuration(),
                            s.offeredPerSecond(),
                            s.achievedPerSecond(),
                            s.endToEnd().p50(),
                            s.endToEnd().p95(),
                            s.endToEnd().p99(),
                            s.endToEnd().max(),
                            s.response().p50(),
                            s.response().p99(),
                            s.errors(),
                            s.missing(),
                            s.sustained())
                    + processes.stream()
                            .map(p -> String.format(
                                    Locale.ROOT, "%.0f", s.cpuPercent().getOrDefault(p, Double.NaN)))
                            .collect(Collectors.joining(",")));
        }
        Path file = directory.resolve("latency-vs-load.csv");
        Files.write(file, lines);
        return file;
    }

    /** End-to-end p99 (solid) and p50 (dashed) against offered load, one colour per configuration, log scale. */
    Path plot(List<Step> steps) throws IOException {
        int width = 960;
        int height = 600;
        int left = 80;
        int right = 260;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double maxRate =
                steps.stream().mapToDouble(Step::offeredPerSecond).max().orElse(1) * 1.1;
        double maxLatency = Math.max(
                200,
                steps.stream()
                        .mapToDouble(s -> s.endToEnd().p99())
                        .filter(Double::isFinite)
                        .max()
                        .orElse(200));
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        java.util.function.DoubleUnaryOperator x = rate -> left + rate / maxRate * plotWidth;
        java.util.function.DoubleUnaryOperator y =
                millis -> top + plotHeight - Math.log10(Math.max(1, millis)) / Math.log10(maxLatency) * plotHeight;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(left, top, plotWidth, plotHeight);
        for (double millis : new double[] {1, 10, 50, 100, 1000, 10000}) {
            if (millis <= maxLatency) {
                int yy = (int) y.applyAsDouble(millis);
                g.setColor(millis == Step.P99_LIMIT_MILLIS ? Color.RED : Color.LIGHT_GRAY);
                g.drawLine(left, yy, left + plotWidth, yy);
                g.setColor(Color.BLACK);
                g.drawString((int) millis + " ms", 20, yy + 4);
            }
        }
        for (int tick = 0; tick <= 5; tick++) {
            double rate = maxRate * tick / 5;
            g.drawString(String.format("%.0f/s", rate), (int) x.applyAsDouble(rate) - 15, top + plotHeight + 20);
        }
        g.drawString("offered accepts per second", left + plotWidth / 2 - 70, height - 15);
        g.drawString("Accept to stored inbox notice: p99 (solid), p50 (dashed)", left, 25);
        Map<String, List<Step>> byConfiguration = new LinkedHashMap<>();
        steps.forEach(s -> byConfiguration
                .computeIfAbsent(s.configuration(), c -> new ArrayList<>())
                .add(s));
        int legend = 0;
        for (Map.Entry<String, List<Step>> configuration : byConfiguration.entrySet()) {
            Color colour = COLOURS[legend % COLOURS.length];
            g.setColor(colour);
            line(g, configuration.getValue(), x, y, true);
            line(g, configuration.getValue(), x, y, false);
            g.setStroke(new BasicStroke(2));
            g.drawLine(width - right + 15, top + 20 + legend * 20, width - right + 40, top + 20 + legend * 20);
            g.drawString(configuration.getKey(), width - right + 45, top + 24 + legend * 20);
            legend++;
        }
        g.dispose();
        Path file = directory.resolve("latency-vs-load.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void line(
            Graphics2D g,
            List<Step> steps,
            java.util.function.DoubleUnaryOperator x,
            java.util.function.DoubleUnaryOperator y,
            boolean p99) {
        g.setStroke(
                p99
                        ? new BasicStroke(2)
                        : new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int[] previous = null;
        for (Step s : steps) {
            double millis = p99 ? s.endToEnd().p99() : s.endToEnd().p50();
            if (!Double.isFinite(millis)) {
                continue;
            }
            int[] point = {(int) x.applyAsDouble(s.offeredPerSecond()), (int) y.applyAsDouble(millis)};
            g.fillOval(point[0] - 3, point[1] - 3, 6, 6);
            if (previous != null) {
                g.drawLine(previous[0], previous[1], point[0], point[1]);
            }
            previous = point;
        }
    }

    /** The rush's answers and notices over time, counted up, as a CSV. */
    Path rushCsv(List<SignUpRush.Moment> timeline) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seconds_in,answers,notices_stored");
        timeline.forEach(
                m -> lines.add(String.format(Locale.ROOT, "%.2f,%d,%d", m.secondsIn(), m.answers(), m.notices())));
        Path file = directory.resolve("rush-timeline.csv");
        Files.write(file, lines);
        return file;
    }

    /** The rush: answers back (blue) and notices stored (red) over time, counted up, with the places as a line. */
    Path rushPlot(List<SignUpRush.Moment> timeline, int places) throws IOException {
        int width = 960;
        int height = 600;
        int left = 80;
        int right = 40;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double maxSeconds =
                timeline.isEmpty() ? 1 : timeline.get(timeline.size() - 1).secondsIn();
        int maxCount = Math.max(
                1,
                timeline.stream()
                        .mapToInt(m -> Math.max(m.answers(), m.notices()))
                        .max()
                        .orElse(1));
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        java.util.function.DoubleUnaryOperator x = seconds -> left + seconds / maxSeconds * plotWidth;
        java.util.function.DoubleUnaryOperator y = count -> top + plotHeight - count / maxCount * plotHeight;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(left, top, plotWidth, plotHeight);
        for (int tick = 0; tick <= 5; tick++) {
            int count = maxCount * tick / 5;
            int yy = (int) y.applyAsDouble(count);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, yy, left + plotWidth, yy);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(count), 20, yy + 4);
            double seconds = maxSeconds * tick / 5;
            g.drawString(
                    String.format(Locale.ROOT, "%.1f s", seconds),
                    (int) x.applyAsDouble(seconds) - 15,
                    top + plotHeight + 20);
        }
        int placesY = (int) y.applyAsDouble(places);
        g.setColor(Color.GRAY);
        g.drawLine(left, placesY, left + plotWidth, placesY);
        g.drawString(places + " places", left + 5, placesY - 4);
        g.setColor(Color.BLACK);
        g.drawString("seconds since the first answer was due", left + plotWidth / 2 - 110, height - 15);
        g.drawString("Sign-up rush: answers back (blue) and notices stored in the inbox (red), counted up", left, 25);
        g.setStroke(new BasicStroke(2));
        for (int series = 0; series < 2; series++) {
            g.setColor(COLOURS[series]);
            int[] previous = null;
            for (SignUpRush.Moment m : timeline) {
                int[] point = {
                    (int) x.applyAsDouble(m.secondsIn()), (int) y.applyAsDouble(series == 0 ? m.answers() : m.notices())
                };
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], point[0], point[1]);
                }
                previous = point;
            }
        }
        g.dispose();
        Path file = directory.resolve("rush.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    Path summary(List<String> lines) throws IOException {
        Path file = directory.resolve("summary.txt");
        Files.write(file, lines);
        return file;
    }
}
