package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The charts of {@code partials plot}, drawn by JFreeChart (PNG) and JFreeSVG (SVG). This class only
 * computes data (values and gradients in batches, contour segments by marching squares) and hands it to
 * the library's plots and renderers.
 */
final class Charts {

    private static final Color F_COLOUR = new Color(0x1f, 0x5f, 0xa8);
    private static final Color D_COLOUR = new Color(0xd0, 0x5a, 0x1c);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    /** Viridis, at five stops. */
    private static final Color[] RAMP = {
        new Color(0x44, 0x01, 0x54), new Color(0x3b, 0x52, 0x8b), new Color(0x21, 0x91, 0x8c),
        new Color(0x5e, 0xc9, 0x62), new Color(0xfd, 0xe7, 0x25)};
    private static final int CONTOUR_LEVELS = 12;
    private static final int ARROWS_PER_SIDE = 15;

    private Charts() {
    }

    /** f and ∂f/∂x_var along x_var ∈ range, the other coordinates from {@code point}. */
    static JFreeChart slice(Formula f, Derivatives d, double[] point, int var, double[] range, int samples) {
        String x = f.variables().get(var);
        double[][] columns = grid1(point, var, range, samples);
        double[] values = new double[samples];
        double[][] gradients = new double[f.dimension()][samples];
        d.gradientBatch(columns, values, gradients);
        XYSeries fs = new XYSeries("f", false, true);
        XYSeries ds = new XYSeries("∂f/∂" + x, false, true);
        for (int p = 0; p < samples; p++) {
            fs.add(columns[var][p], finite(values[p]));
            ds.add(columns[var][p], finite(gradients[var][p]));
        }
        NumberAxis xAxis = new NumberAxis(x);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setRange(range[0], range[1]);
        NumberAxis fAxis = axis("f", values);
        NumberAxis dAxis = axis("∂f/∂" + x, gradients[var]);
        XYLineAndShapeRenderer fr = new XYLineAndShapeRenderer(true, false);
        fr.setSeriesPaint(0, F_COLOUR);
        fr.setSeriesStroke(0, new BasicStroke(2.2f));
        XYLineAndShapeRenderer dr = new XYLineAndShapeRenderer(true, false);
        dr.setSeriesPaint(0, D_COLOUR);
        dr.setSeriesStroke(0, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(fs), xAxis, fAxis, fr);
        plot.setDataset(1, new XYSeriesCollection(ds));
        plot.setRangeAxis(1, dAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, dr);
        fr.setDrawSeriesLineAsPath(true);
        dr.setDrawSeriesLineAsPath(true); // one path, so the dashes run along the whole curve
        fAxis.setLabelPaint(F_COLOUR);
        fAxis.setTickLabelPaint(F_COLOUR);
        dAxis.setLabelPaint(D_COLOUR);
        dAxis.setTickLabelPaint(D_COLOUR);
        style(plot);
        String title = "f(" + String.join(", ", f.variables()) + ") = " + f.text();
        JFreeChart chart = new JFreeChart(shorten(title), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        subtitle(chart, f, point, var, -1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The landscape over (x_a, x_b): heat map of f, contour lines, gradient arrows. */
    static JFreeChart landscape(Formula f, Derivatives d, double[] point, int a, int b, double[] ra, double[] rb, int cells) {
        int n = f.dimension();
        int count = cells * cells;
        double[][] columns = new double[n][count];
        double[] xs = centres(ra, cells);
        double[] ys = centres(rb, cells);
        for (int j = 0; j < n; j++) {
            Arrays.fill(columns[j], point[j]);
        }
        for (int iy = 0; iy < cells; iy++) {
            for (int ix = 0; ix < cells; ix++) {
                columns[a][iy * cells + ix] = xs[ix];
                columns[b][iy * cells + ix] = ys[iy];
            }
        }
        double[][] values = new double[1][count];
        d.valuesBatch(columns, values);
        double[] z = values[0];
        double[][] heat = {columns[a].clone(), columns[b].clone(), z.clone()};
        double[] bounds = robustBounds(z);
        Ramp scale = new Ramp(bounds[0], bounds[1]);

        XYBlockRenderer block = new XYBlockRenderer();
        block.setBlockWidth((ra[1] - ra[0]) / cells);
        block.setBlockHeight((rb[1] - rb[0]) / cells);
        block.setPaintScale(scale);
        DefaultXYZDataset heatData = new DefaultXYZDataset();
        heatData.addSeries("f", heat);
        NumberAxis xAxis = new NumberAxis(f.variables().get(a));
        xAxis.setRange(ra[0], ra[1]);
        NumberAxis yAxis = new NumberAxis(f.variables().get(b));
        yAxis.setRange(rb[0], rb[1]);
        XYPlot plot = new XYPlot(heatData, xAxis, yAxis, block);

        // Gradient arrows on a coarser grid, scaled so the longest fills most of its cell.
        int m = ARROWS_PER_SIDE;
        double[] axs = centres(ra, m);
        double[] ays = centres(rb, m);
        double[][] arrowPoints = new double[n][m * m];
        for (int j = 0; j < n; j++) {
            Arrays.fill(arrowPoints[j], point[j]);
        }
        for (int iy = 0; iy < m; iy++) {
            for (int ix = 0; ix < m; ix++) {
                arrowPoints[a][iy * m + ix] = axs[ix];
                arrowPoints[b][iy * m + ix] = ays[iy];
            }
        }
        double[][] g = new double[n][m * m];
        d.gradientBatch(arrowPoints, null, g);
        double cellX = (ra[1] - ra[0]) / m;
        double cellY = (rb[1] - rb[0]) / m;
        double maxNorm = 0;
        for (int p = 0; p < m * m; p++) {
            double nx = g[a][p] / cellX;
            double ny = g[b][p] / cellY;
            double norm = Math.hypot(nx, ny);
            if (Double.isFinite(norm)) {
                maxNorm = Math.max(maxNorm, norm);
            }
        }
        VectorSeries arrows = new VectorSeries("∇f");
        if (maxNorm > 0) {
            double k = 0.85 / maxNorm;
            for (int p = 0; p < m * m; p++) {
                double dx = g[a][p] / cellX * k * cellX;
                double dy = g[b][p] / cellY * k * cellY;
                if (Double.isFinite(dx) && Double.isFinite(dy)) {
                    arrows.add(arrowPoints[a][p] - dx / 2, arrowPoints[b][p] - dy / 2, dx, dy);
                }
            }
        }
        VectorSeriesCollection arrowData = new VectorSeriesCollection();
        arrowData.addSeries(arrows);
        VectorRenderer vr = new VectorRenderer();
        vr.setSeriesPaint(0, Color.WHITE);
        vr.setSeriesStroke(0, new BasicStroke(1.3f));
        plot.setDataset(1, arrowData);
        plot.setRenderer(1, vr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // arrows over the heat map

        // Contour lines: marching squares over the cell centres, drawn as line annotations.
        BasicStroke contourStroke = new BasicStroke(0.8f);
        Color contourPaint = new Color(0, 0, 0, 110);
        for (int l = 1; l < CONTOUR_LEVELS; l++) {
            double level = bounds[0] + (bounds[1] - bounds[0]) * l / CONTOUR_LEVELS;
            for (double[] s : contour(z, xs, ys, cells, level)) {
                plot.addAnnotation(new XYLineAnnotation(s[0], s[1], s[2], s[3], contourStroke, contourPaint), false);
            }
        }
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        String title = "f(" + String.join(", ", f.variables()) + ") = " + f.text();
        JFreeChart chart = new JFreeChart(shorten(title), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
        subtitle(chart, f, point, a, b);
        NumberAxis legendAxis = new NumberAxis("f");
        legendAxis.setRange(bounds[0], bounds[1]);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 6, 40, 6));
        legend.setStripWidth(14);
        legend.setAxisOffset(4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes the chart as PNG or SVG. */
    static void write(JFreeChart chart, Path file, boolean svg, int width, int height) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliException("cannot write " + file + ": no directory " + parent);
            }
            if (svg) {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                chart.draw(g2, new Rectangle(0, 0, width, height));
                Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
            } else {
                ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marching squares on a grid of values at (xs[ix], ys[iy]), {@code z[iy * cells + ix]}: the
     * segments {x1, y1, x2, y2} of the level line. A saddle cell is resolved by the centre's average.
     */
    static java.util.List<double[]> contour(double[] z, double[] xs, double[] ys, int cells, double level) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int iy = 0; iy + 1 < cells; iy++) {
            for (int ix = 0; ix + 1 < cells; ix++) {
                double z00 = z[iy * cells + ix];
                double z10 = z[iy * cells + ix + 1];
                double z01 = z[(iy + 1) * cells + ix];
                double z11 = z[(iy + 1) * cells + ix + 1];
                if (!(Double.isFinite(z00) && Double.isFinite(z10) && Double.isFinite(z01) && Double.isFinite(z11))) {
                    continue;
                }
                int mask = (z00 > level ? 1 : 0) | (z10 > level ? 2 : 0) | (z11 > level ? 4 : 0) | (z01 > level ? 8 : 0);
                if (mask == 0 || mask == 15) {
                    continue;
                }
                double x0 = xs[ix];
                double x1 = xs[ix + 1];
                double y0 = ys[iy];
                double y1 = ys[iy + 1];
                // Crossing points on the four edges: bottom, right, top, left.
                double[] bottom = {lerp(x0, x1, z00, z10, level), y0};
                double[] right = {x1, lerp(y0, y1, z10, z11, level)};
                double[] top = {lerp(x0, x1, z01, z11, level), y1};
                double[] left = {x0, lerp(y0, y1, z00, z01, level)};
                boolean centreAbove = (z00 + z10 + z01 + z11) / 4 > level;
                switch (mask) {
                    case 1, 14 -> out.add(seg(left, bottom));
                    case 2, 13 -> out.add(seg(bottom, right));
                    case 3, 12 -> out.add(seg(left, right));
                    case 4, 11 -> out.add(seg(right, top));
                    case 6, 9 -> out.add(seg(bottom, top));
                    case 7, 8 -> out.add(seg(left, top));
                    case 5 -> {
                        if (centreAbove) {
                            out.add(seg(left, top));
                            out.add(seg(bottom, right));
                        } else {
                            out.add(seg(left, bottom));
                            out.add(seg(right, top));
                        }
                    }
                    case 10 -> {
                        if (centreAbove) {
                            out.add(seg(left, bottom));
                            out.add(seg(right, top));
                        } else {
                            out.add(seg(left, top));
                            out.add(seg(bottom, right));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    private static double[] seg(double[] p, double[] q) {
        return new double[] {p[0], p[1], q[0], q[1]};
    }

    private static double lerp(double a, double b, double za, double zb, double level) {
        double t = (level - za) / (zb - za);
        return a + (b - a) * t;
    }

    /** A colour for every value: viridis between the bounds, clamped outside them, grey for NaN. */
    static final class Ramp implements PaintScale {
        private final double lo;
        private final double hi;

        Ramp(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.LIGHT_GRAY;
            }
            double t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
            t = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
            int i = Math.min((int) t, RAMP.length - 2);
            double u = t - i;
            Color c0 = RAMP[i];
            Color c1 = RAMP[i + 1];
            return new Color(
                    (int) Math.round(c0.getRed() + (c1.getRed() - c0.getRed()) * u),
                    (int) Math.round(c0.getGreen() + (c1.getGreen() - c0.getGreen()) * u),
                    (int) Math.round(c0.getBlue() + (c1.getBlue() - c0.getBlue()) * u));
        }
    }

    /** A value axis whose range ignores the few extreme values (a pole would flatten the rest). */
    private static NumberAxis axis(String label, double[] values) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        double[] b = robustBounds(values);
        if (b[1] > b[0]) {
            double pad = (b[1] - b[0]) * 0.05;
            axis.setRange(new Range(b[0] - pad, b[1] + pad));
        }
        return axis;
    }

    /**
     * The range of the finite values; when the extremes stretch it more than tenfold beyond the 2nd to
     * 98th percentiles, those percentiles instead.
     */
    static double[] robustBounds(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new double[] {-1, 1};
        }
        double lo = finite[0];
        double hi = finite[finite.length - 1];
        double plo = finite[(int) Math.floor(0.02 * (finite.length - 1))];
        double phi = finite[(int) Math.ceil(0.98 * (finite.length - 1))];
        if (phi > plo && hi - lo > 10 * (phi - plo)) {
            lo = plo;
            hi = phi;
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    private static void subtitle(JFreeChart chart, Formula f, double[] point, int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < point.length; j++) {
            if (j != a && j != b) {
                sb.append(sb.isEmpty() ? "at " : ", ").append(f.variables().get(j)).append(" = ").append(Numbers.format(point[j]));
            }
        }
        if (!sb.isEmpty()) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle(sb.toString(), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
    }

    private static String shorten(String title) {
        return title.length() <= 90 ? title : title.substring(0, 87) + "…";
    }

    private static double[][] grid1(double[] point, int var, double[] range, int samples) {
        double[][] columns = new double[point.length][samples];
        for (int j = 0; j < point.length; j++) {
            Arrays.fill(columns[j], point[j]);
        }
        for (int p = 0; p < samples; p++) {
            columns[var][p] = range[0] + (range[1] - range[0]) * p / (samples - 1);
        }
        return columns;
    }

    private static double[] centres(double[] range, int cells) {
        double[] c = new double[cells];
        double w = (range[1] - range[0]) / cells;
        for (int i = 0; i < cells; i++) {
            c[i] = range[0] + w * (i + 0.5);
        }
        return c;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
