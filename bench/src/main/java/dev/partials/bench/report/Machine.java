package dev.partials.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine the report is generated on (the one the benchmarks ran on): CPUs as {@code nproc}
 * counts them, the CPU model from {@code /proc/cpuinfo}, and memory from {@code /proc/meminfo}.
 *
 * @param cpus   available processors
 * @param model  the CPU model name, or "unknown CPU" off Linux
 * @param memory total memory, e.g. "23.5 GiB", or "unknown"
 */
record Machine(int cpus, String model, String memory) {

    static Machine describe() {
        String model = "unknown CPU";
        String memory = "unknown";
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : cpuinfo) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: keep "unknown"
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory);
    }
}
