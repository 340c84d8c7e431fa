package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * A command that computes something at one point ({@code --at x=1,y=2}) or at every point of a file
 * ({@code --points points.csv}).
 */
abstract class PointCommand extends FormulaCommand {

    @Option(names = "--at", paramLabel = "POINT",
            description = "The point: x=1,y=2 (by name) or 1,2 (in variable order); a coordinate may be a constant such as pi/4.")
    String at;

    @Option(names = "--points", paramLabel = "FILE",
            description = "A CSV file of points (header: the variable names; '-' reads standard input). "
                    + "Results go to standard output, or to --output, as CSV (default) or JSON. Files of more than "
                    + "1000 points use the simd provider unless --provider says otherwise. A malformed row is reported "
                    + "on stderr with its line number and skipped; the others are computed, and the exit code is then 1.")
    Path points;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE instead of standard output.")
    Path output;

    @Option(names = "--progress", description = "Show a progress bar on stderr for --points even when stderr is not a terminal.")
    boolean progress;

    /** The formula argument. */
    abstract String formulaText();

    /** The command's name, for JSON. */
    abstract String name();

    /** Rejects formulas the command cannot handle (for example a vector formula for {@code grad}). */
    void check(Formula f) {
    }

    /** The result at one point: printed as a table, or as JSON after the common header fields. */
    abstract void single(Formula f, Derivatives d, double[] point, java.util.Map<String, Object> json, Table table);

    /** The batch form of the command. */
    abstract Batch.Kernel kernel(Formula f);

    @Override
    public Integer call() throws IOException {
        Formula f = formula(formulaText());
        check(f);
        if (points != null) {
            if (at != null) {
                throw usage("give either --at or --points, not both");
            }
            OutputFormat fmt = format == null ? OutputFormat.csv : format;
            if (fmt == OutputFormat.table) {
                throw usage("--points writes csv or json; --format table is for one point (--at)");
            }
            return new Batch(f, kernel(f), providerId, err()).run(name(), points, output, fmt, progress, out());
        }
        double[] point = Coordinates.parse(f, at);
        Derivatives d = provider().prepare(f);
        java.util.Map<String, Object> json = header(name(), f);
        json.put("point", point);
        json.put("provider", d.provider().id());
        Table table = new Table();
        single(f, d, point, json, table);
        if (output == null) {
            emit(json, out -> print(out, f, point, d, table));
            return 0;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            if (singleFormat() == OutputFormat.json) {
                w.println(Json.write(json));
            } else {
                print(w, f, point, d, table);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private static void print(PrintWriter out, Formula f, double[] point, Derivatives d, Table table) {
        heading(out, f);
        out.println("at " + Coordinates.describe(f, point) + " · provider " + d.provider().id());
        out.println();
        table.print(out);
    }
}
