package org.caravan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and memory of processes, from Linux's /proc: a service's JVM, all PostgreSQL processes
 * together, and this JVM (which holds the Kafka broker and the load generator).
 */
final class ProcessUsage {

    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds used so far by each named group of processes. */
    static Map<String, Double> cpuSeconds(Map<String, List<Long>> groups) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, pids) ->
                seconds.put(name, pids.stream().mapToLong(ProcessUsage::ticks).sum() / TICKS_PER_SECOND));
        return seconds;
    }

    /** Proportional set size: memory shared between processes (PostgreSQL's buffers) is counted once overall. */
    static long megabytes(List<Long> pids) {
        return pids.stream().mapToLong(ProcessUsage::proportionalKilobytes).sum() / 1024;
    }

    static List<Long> postgres() {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long proportionalKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }
}
