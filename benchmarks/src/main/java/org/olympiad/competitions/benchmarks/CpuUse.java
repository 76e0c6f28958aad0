package org.olympiad.competitions.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who used the machine's CPU during a phase, from Linux's {@code /proc} (best effort: elsewhere it reports
 * nothing). Processes are grouped by what they run: each {@code <name>-service} (its {@code quarkus-run.jar}),
 * the Kafka broker ({@code kafka.Kafka}), PostgreSQL (every {@code postgres} process: server and backends), this
 * driver, and everything else (other builds, tests, …) as the machine's busy time minus the groups.
 * Figures are in cores: CPU seconds used per second of the phase.
 */
final class CpuUse {

    /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    record Snapshot(long nanos, long machineBusyTicks, long machineTotalTicks, Map<String, Long> ticksByGroup) {
    }

    private CpuUse() {
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    static Snapshot take() {
        long busy = 0;
        long total = 0;
        Map<String, Long> groups = new LinkedHashMap<>();
        if (!available()) {
            return new Snapshot(System.nanoTime(), 0, 0, groups);
        }
        try {
            String cpu = Files.readAllLines(PROC.resolve("stat")).get(0); // cpu user nice system idle iowait irq softirq steal
            String[] f = cpu.trim().split("\\s+");
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(System.nanoTime(), 0, 0, groups);
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String group = groupOf(dir, pid == self);
                if (group == null) {
                    continue;
                }
                long ticks = ticksOf(dir);
                if (ticks >= 0) {
                    groups.merge(group, ticks, Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process list we cannot read: machine totals only
        }
        return new Snapshot(System.nanoTime(), busy, total, groups);
    }

    /** Cores used by each group between two snapshots, plus "machine busy" and "everything else". */
    static Map<String, Double> between(Snapshot a, Snapshot b) {
        Map<String, Double> cores = new LinkedHashMap<>();
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        if (seconds <= 0 || b.machineTotalTicks() == 0) {
            return cores;
        }
        long known = 0;
        for (Map.Entry<String, Long> e : b.ticksByGroup().entrySet()) {
            long before = a.ticksByGroup().getOrDefault(e.getKey(), 0L);
            long delta = Math.max(0, e.getValue() - before);
            known += delta;
            cores.put(e.getKey(), delta / TICKS_PER_SECOND / seconds);
        }
        long busy = b.machineBusyTicks() - a.machineBusyTicks();
        cores.put("everything else", Math.max(0, busy - known) / TICKS_PER_SECOND / seconds);
        cores.put("machine busy", busy / TICKS_PER_SECOND / seconds);
        return cores;
    }

    private static String groupOf(Path dir, boolean self) {
        if (self) {
            return "load driver";
        }
        try {
            String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).trim();
            if (comm.equals("postgres")) {
                return "postgresql";
            }
            if (!comm.equals("java")) {
                return null;
            }
            String cmdline = Files.readString(dir.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
            if (cmdline.contains("kafka.Kafka")) {
                return "kafka";
            }
            var m = java.util.regex.Pattern.compile("([a-z]+)-service/target/quarkus-app/quarkus-run\\.jar").matcher(cmdline);
            if (m.find()) {
                return m.group(1) + "-service";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of the process, in clock ticks; -1 when it is gone. */
    private static long ticksOf(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
