package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "partial", mixinStandardHelpOptions = true,
        header = "One partial derivative of any order, mixed or not.",
        description = "One partial derivative of any order, mixed or not (of every output of a vector formula), "
                + "at a point or at every point of a CSV file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials partial \"x^2 + 3*x*y\" --wrt x,y --at x=1,y=2",
            "      ∂²f/∂x∂y = 3",
            "  partials partial \"x^3*y^2\" --wrt x,x,y --at 1,2          (∂³f/∂x²∂y = 24)",
            "  partials partial \"exp(x)*sin(y)\" --wrt x,x,x,x --at 0,1 --provider finite-difference"})
final class PartialCommand extends PointCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\".")
    String formula;

    @Option(names = "--wrt", split = ",", required = true, paramLabel = "VAR",
            description = "Differentiate once per listed variable: x,x,y is ∂³/∂x²∂y.")
    List<String> wrt;

    @Override
    String formulaText() {
        return formula;
    }

    @Override
    String name() {
        return "partial";
    }

    @Override
    void single(Formula f, Derivatives d, double[] point, Map<String, Object> json, Table table) {
        table.gap(1);
        MultiIndex index = MultiIndex.of(f, wrt);
        double[] values = new double[f.outputCount()];
        for (int k = 0; k < values.length; k++) {
            values[k] = d.partial(k, index, point);
            table.row(Names.partial(f, k, index), "=", Numbers.format(values[k]));
        }
        json.put("wrt", Names.wrt(f, index));
        json.put("index", index.counts());
        json.put("partials", values);
    }

    @Override
    Batch.Kernel kernel(Formula f) {
        MultiIndex index = MultiIndex.of(f, wrt);
        int m = f.outputCount();
        int n = f.dimension();
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            cols.add(Names.ascii(f, k, index));
        }
        return new Batch.Kernel(cols, index.order(), (d, points, results) -> {
            double[] point = new double[n];
            int count = results[0].length;
            for (int p = 0; p < count; p++) {
                for (int j = 0; j < n; j++) {
                    point[j] = points[j][p];
                }
                for (int k = 0; k < m; k++) {
                    results[k][p] = d.partial(k, index, point);
                }
            }
        });
    }
}
