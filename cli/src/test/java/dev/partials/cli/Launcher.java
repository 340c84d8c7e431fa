package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher, {@code ./partials} at the repository root, as a process: what a user runs.
 * It never builds here ({@code PARTIALS_NO_BUILD=1}): these tests run in the integration-test phase,
 * after {@code package} has left the jars in {@code cli/target}.
 */
final class Launcher {

    /** The repository root: {@code -Dpartials.root}, else the parent of the working directory (cli). */
    static final Path ROOT = root();

    record Run(int code, String out, String err) {
        /** Asserts the exit code, showing both streams when it differs. */
        Run exits(int expected) {
            assertThat(code).as("exit code of the launcher; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
            return this;
        }

        /** No Java stack trace on stderr. */
        Run withoutStackTrace() {
            assertThat(err).doesNotContain("Exception in thread").doesNotContain("\tat ").doesNotContain("Caused by:");
            return this;
        }

        /** Stderr without the one line every JVM resolving jdk.incubator.vector prints. */
        String errors() {
            return err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    private Launcher() {
    }

    static Run run(String... args) {
        return run(Map.of(), null, args);
    }

    static Run run(Map<String, String> env, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("partials").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("PARTIALS_NO_BUILD", "1");
        pb.environment().remove("PARTIALS_DEBUG");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not finish in 5 minutes: " + command);
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path root() {
        String p = System.getProperty("partials.root");
        Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        root = root.toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("partials"))) {
            throw new IllegalStateException("no executable launcher at " + root.resolve("partials"));
        }
        return root;
    }
}
