/**
 * The {@code partials} command: derivatives of formulas from the shell, every provider compared side
 * by side, batch files of points, plots, and the conformance kit's properties.
 *
 * <p>The command never names a provider class: it finds providers through the registry
 * ({@link dev.partials.PartialDerivative#all()}), so any provider module on the module path appears
 * in {@code partials providers} and {@code partials compare}.
 *
 * @uses dev.partials.PartialDerivative through the registry of {@code dev.partials.api}
 */
module dev.partials.cli {
    requires dev.partials.api;
    requires dev.partials.conformance;
    requires info.picocli;
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;

    opens dev.partials.cli to info.picocli;
}
