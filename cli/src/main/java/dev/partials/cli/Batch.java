package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command over a file of points: reads the CSV in chunks, computes each chunk with the provider's
 * batch methods (points as columns), and streams CSV or JSON results.
 *
 * <p><b>Provider.</b> {@code --provider} when given. Otherwise a large file (more than
 * {@value #LARGE} points) goes to {@code simd}, which evaluates many points at once, when it is
 * present and serves the order; if it is absent the default provider is used and stderr says so.
 * A small file goes to the default provider.
 *
 * <p><b>Malformed rows.</b> Each is reported on stderr with its line number and reason; the other
 * rows are still computed and written; at the end stderr gives the count of rejected rows, and the
 * exit code is 1 (so a script notices), though every good row's result was written.
 */
final class Batch {

    /** Points read and computed at once. */
    static final int CHUNK = 4096;
    /** More points than this make a large file. */
    static final int LARGE = 1000;
    /** Rejected rows reported one by one; the rest only counted. */
    private static final int REPORTED = 20;

    /**
     * What a command computes per point: the result columns' names (ASCII, for a CSV header:
     * {@code df/dx}, {@code d2f/dxdy}), the derivative order it needs (0 for values; to choose a
     * provider that serves it), and the computation of a chunk of points ({@code [j][p]}) into
     * {@code results[c][p]}.
     */
    record Kernel(List<String> columns, int order, Computation computation) {
        /** Computes the results of {@code points} into {@code results}. */
        void compute(Derivatives d, double[][] points, double[][] results) {
            computation.compute(d, points, results);
        }
    }

    /** The per-chunk computation of a {@link Kernel}. */
    @FunctionalInterface
    interface Computation {
        /** Computes the results of {@code points} ({@code [j][p]}) into {@code results[c][p]}. */
        void compute(Derivatives d, double[][] points, double[][] results);
    }

    private final Formula formula;
    private final Kernel kernel;
    private final String providerId;
    private final PrintWriter err;

    Batch(Formula formula, Kernel kernel, String providerId, PrintWriter err) {
        this.formula = formula;
        this.kernel = kernel;
        this.providerId = providerId;
        this.err = err;
    }

    /** Runs the batch; returns the exit code (1 when rows were rejected). */
    int run(String command, Path file, Path output, OutputFormat fmt, boolean forceProgress, PrintWriter stdout)
            throws IOException {
        boolean stdin = file.toString().equals("-");
        String source = stdin ? "<stdin>" : file.toString();
        long size = -1;
        Counting counting;
        try {
            counting = new Counting(stdin ? System.in : Files.newInputStream(file));
            if (!stdin) {
                size = Files.size(file);
            }
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read the points file " + file + ": no such file");
        } catch (IOException e) {
            throw new CliException("cannot read the points file " + file + ": " + e.getMessage(), e);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8))) {
            CsvPoints csv = new CsvPoints(in, formula);
            int n = formula.dimension();
            double[][] buffer = new double[n][CHUNK];
            List<CsvPoints.Rejected> rejected = new ArrayList<>();
            int count = csv.read(buffer, CHUNK, null, rejected);
            report(source, rejected, 0);
            Derivatives d = choose(count).prepare(formula);
            PrintWriter out = output == null ? stdout : new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(output), StandardCharsets.UTF_8)));
            Writer writer = fmt == OutputFormat.json ? new JsonWriter(out, command, d) : new CsvWriter(out);
            writer.start();
            Progress progress = new Progress(err, forceProgress, size);
            long points = 0;
            int reportedSoFar = rejected.size();
            while (count > 0) {
                double[][] chunk = count == CHUNK ? buffer : trim(buffer, count);
                double[][] results = new double[kernel.columns().size()][count];
                kernel.compute(d, chunk, results);
                writer.rows(chunk, results, count);
                points += count;
                progress.update(counting.count, points);
                count = csv.read(buffer, CHUNK, null, rejected);
                report(source, rejected, reportedSoFar);
                reportedSoFar = rejected.size();
            }
            writer.end(points, rejected);
            if (output == null) {
                out.flush();
            } else {
                out.close();
            }
            progress.finish(points);
            if (out.checkError()) {
                throw new CliException("cannot write " + (output == null ? "the results" : output.toString()));
            }
            if (!rejected.isEmpty()) {
                err.println("partials: " + rejected.size() + " of " + (points + rejected.size()) + " rows of " + source
                        + " rejected; the other " + points + " were computed");
                err.flush();
                return 1;
            }
            return 0;
        } catch (UncheckedIOException e) {
            throw new CliException("cannot read " + source + ": " + e.getCause().getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot write " + output + ": no such directory", e);
        } catch (IOException e) {
            throw new CliException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private PartialDerivative choose(int firstChunk) {
        if (providerId != null) {
            return PartialDerivative.of(providerId);
        }
        if (firstChunk <= LARGE) {
            return PartialDerivative.getDefault();
        }
        Optional<PartialDerivative> simd = PartialDerivative.find("simd");
        if (simd.isPresent() && simd.get().capabilities().supportsOrder(Math.max(1, kernel.order()))) {
            return simd.get();
        }
        PartialDerivative fallback = PartialDerivative.getDefault();
        if (simd.isEmpty()) {
            err.println("partials: provider \"simd\" is not available (available: "
                    + PartialDerivative.all().stream().map(PartialDerivative::id).toList() + "); using \""
                    + fallback.id() + "\" for this large file");
        } else {
            err.println("partials: provider \"simd\" serves order <= " + simd.get().capabilities().maxOrder()
                    + "; using \"" + fallback.id() + "\" for order " + kernel.order());
        }
        err.flush();
        return fallback;
    }

    private void report(String source, List<CsvPoints.Rejected> rejected, int from) {
        for (int i = from; i < rejected.size(); i++) {
            if (i < REPORTED) {
                CsvPoints.Rejected r = rejected.get(i);
                err.println("partials: " + source + " line " + r.line() + ": " + r.reason() + "; row skipped");
            } else if (i == REPORTED) {
                err.println("partials: (further rejected rows are only counted)");
            }
        }
        err.flush();
    }

    private static double[][] trim(double[][] buffer, int count) {
        double[][] out = new double[buffer.length][];
        for (int j = 0; j < buffer.length; j++) {
            out[j] = Arrays.copyOf(buffer[j], count);
        }
        return out;
    }

    private interface Writer {
        void start();

        void rows(double[][] points, double[][] results, int count);

        void end(long points, List<CsvPoints.Rejected> rejected);
    }

    /** The variables' columns, then the results' columns; numbers that read back exactly. */
    private final class CsvWriter implements Writer {
        private final PrintWriter out;

        CsvWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start() {
            List<String> names = new ArrayList<>(formula.variables());
            names.addAll(kernel.columns());
            out.println(String.join(",", names));
        }

        @Override
        public void rows(double[][] points, double[][] results, int count) {
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p < count; p++) {
                sb.setLength(0);
                for (double[] column : points) {
                    sb.append(Numbers.format(column[p])).append(',');
                }
                for (int c = 0; c < results.length; c++) {
                    sb.append(c == 0 ? "" : ",").append(Numbers.format(results[c][p]));
                }
                out.println(sb);
            }
        }

        @Override
        public void end(long points, List<CsvPoints.Rejected> rejected) {
        }
    }

    /** The documented batch JSON: header fields, {@code columns}, {@code rows}, {@code count}, {@code rejected}. */
    private final class JsonWriter implements Writer {
        private final PrintWriter out;
        private final String command;
        private final Derivatives d;
        private boolean first = true;

        JsonWriter(PrintWriter out, String command, Derivatives d) {
            this.out = out;
            this.command = command;
            this.d = d;
        }

        @Override
        public void start() {
            Map<String, Object> h = FormulaCommand.header(command, formula);
            h.put("provider", d.provider().id());
            List<String> names = new ArrayList<>(formula.variables());
            names.addAll(kernel.columns());
            h.put("columns", names);
            String head = Json.write(h);
            // Open the object, keep it open for the streamed rows.
            out.print(head.substring(0, head.length() - 2));
            out.print(",\n  \"rows\": [");
        }

        @Override
        public void rows(double[][] points, double[][] results, int count) {
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p < count; p++) {
                sb.setLength(0);
                sb.append(first ? "\n    [" : ",\n    [");
                first = false;
                for (int j = 0; j < points.length; j++) {
                    sb.append(j == 0 ? "" : ", ").append(Json.number(points[j][p]));
                }
                for (double[] column : results) {
                    sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(Json.number(column[p]));
                }
                out.print(sb.append(']'));
            }
        }

        @Override
        public void end(long points, List<CsvPoints.Rejected> rejected) {
            out.print(first ? "],\n" : "\n  ],\n");
            out.print("  \"count\": " + points + ",\n");
            List<Object> rej = new ArrayList<>();
            for (CsvPoints.Rejected r : rejected) {
                Map<String, Object> m = Json.object();
                m.put("line", r.line());
                m.put("reason", r.reason());
                rej.add(m);
            }
            String rejectedJson = Json.write(rej).replace("\n", "\n  ");
            out.println("  \"rejected\": " + rejectedJson + "\n}");
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }
}
