package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Draws a slice (f and ∂f/∂x) or the landscape of f to PNG or SVG.",
        description = {"Draws a formula to a PNG or SVG file (chosen by the file's extension), through JFreeChart:",
            "  --var X: a slice, f and ∂f/∂X along X, the other variables fixed by --at;",
            "  --contour X,Y: the landscape, a heat map of f over X and Y with contour lines and gradient arrows."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials plot \"x^2 + 3*x*y\" --var x --at y=2 -o slice.svg",
            "  partials plot \"x^2 + 3*x*y\" --var x --at y=2 --range -1:1 -o slice.png --width 1000 --height 500",
            "  partials plot \"sin(x)*cos(y)\" --contour x,y --range x=-3:3,y=-3:3 -o landscape.png",
            "  partials plot \"sin(x)*exp(y)/(1+z^2)\" --contour x,z --at y=0.5 -o landscape.svg"})
final class PlotCommand extends FormulaCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula (one output).")
    String formula;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--var", paramLabel = "X", required = true, description = "Plot a slice along X: f and ∂f/∂X.")
        String var;

        @Option(names = "--contour", paramLabel = "X,Y", split = ",", required = true,
                description = "Plot the landscape over X and Y: heat map, contour lines and gradient arrows.")
        List<String> contour;
    }

    @Option(names = "--at", paramLabel = "POINT", description = "The other variables' values: y=2 (every variable not plotted).")
    String at;

    @Option(names = "--range", paramLabel = "RANGE",
            description = "The plotted range: -3:3 for every plotted variable, or x=-3:3,y=0:1 (default -3:3).")
    String range;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The image file: *.png or *.svg.")
    Path output;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "800", description = "Width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "600", description = "Height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "400",
            description = "Points along a slice (default ${DEFAULT-VALUE}); grid cells per side of a landscape: N/4.")
    int samples;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw usage("the output file must end in .png or .svg, got " + output);
        }
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw usage("--width and --height must be between 100 and 10000 pixels");
        }
        if (samples < 8 || samples > 100_000) {
            throw usage("--samples must be between 8 and 100000");
        }
        OutputFormat fmt = singleFormat();
        Formula f = formula(formula);
        if (f.outputCount() > 1) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "the formula has " + f.outputCount() + " outputs; plot one output at a time").build();
        }
        List<String> plotted = mode.var != null ? List.of(mode.var) : mode.contour;
        if (mode.contour != null && (mode.contour.size() != 2 || mode.contour.get(0).equals(mode.contour.get(1)))) {
            throw usage("--contour takes two different variables, for example --contour x,y");
        }
        for (String v : plotted) {
            f.indexOf(v); // unknown variable → PartialsException
        }
        double[] point = basePoint(f, plotted);
        double[][] ranges = ranges(plotted);
        Derivatives d = provider().prepare(f);
        JFreeChart chart = mode.var != null
                ? Charts.slice(f, d, point, f.indexOf(mode.var), ranges[0], samples)
                : Charts.landscape(f, d, point, f.indexOf(plotted.get(0)), f.indexOf(plotted.get(1)), ranges[0], ranges[1],
                        Math.max(8, samples / 4));
        Charts.write(chart, output, svg, width, height);
        Map<String, Object> json = header("plot", f);
        json.put("kind", mode.var != null ? "slice" : "landscape");
        json.put("plotted", plotted);
        json.put("point", point);
        json.put("provider", d.provider().id());
        json.put("file", output.toString());
        json.put("imageFormat", svg ? "svg" : "png");
        json.put("width", width);
        json.put("height", height);
        if (fmt == OutputFormat.json) {
            out().println(Json.write(json));
        } else {
            out().println("wrote " + output + " (" + (svg ? "SVG" : "PNG") + ", " + width + "×" + height + ")");
        }
        out().flush();
        return 0;
    }

    /** The point with the non-plotted variables from --at and the plotted ones at 0. */
    private double[] basePoint(Formula f, List<String> plotted) {
        List<String> others = new ArrayList<>(f.variables());
        others.removeAll(plotted);
        if (at != null) {
            for (String item : Coordinates.split(at)) {
                int eq = item.indexOf('=');
                if (eq > 0 && plotted.contains(item.substring(0, eq).strip())) {
                    throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                            "--at gives " + item.substring(0, eq).strip() + ", which is plotted; give its range with --range")
                            .name(item.substring(0, eq).strip()).build();
                }
            }
        }
        double[] given = Coordinates.parse(others, at);
        double[] point = new double[f.dimension()];
        for (int i = 0; i < others.size(); i++) {
            point[f.indexOf(others.get(i))] = given[i];
        }
        return point;
    }

    /** One {lo, hi} per plotted variable. */
    private double[][] ranges(List<String> plotted) {
        double[][] out = new double[plotted.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {-3, 3};
        }
        if (range == null) {
            return out;
        }
        List<String> items = Coordinates.split(range);
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (items.size() != 1) {
                    throw usage("--range is -3:3 for every plotted variable, or x=-3:3,y=0:1");
                }
                double[] r = interval(item.strip());
                for (int i = 0; i < out.length; i++) {
                    out[i] = r;
                }
                continue;
            }
            String name = item.substring(0, eq).strip();
            int i = plotted.indexOf(name);
            if (i < 0) {
                throw PartialsException.builder(PartialsException.Kind.UNKNOWN_VARIABLE,
                        "--range names \"" + name + "\", which is not plotted; plotted: " + plotted).name(name).build();
            }
            out[i] = interval(item.substring(eq + 1).strip());
        }
        return out;
    }

    private static double[] interval(String text) {
        int colon = text.indexOf(':', 1);
        if (colon < 0) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "a range is LOW:HIGH, such as -3:3; got \"" + text + "\"").build();
        }
        double lo = Coordinates.value("the range's low end", text.substring(0, colon).strip());
        double hi = Coordinates.value("the range's high end", text.substring(colon + 1).strip());
        if (!(lo < hi)) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "a range's low end must be below its high end; got " + text).build();
        }
        return new double[] {lo, hi};
    }
}
