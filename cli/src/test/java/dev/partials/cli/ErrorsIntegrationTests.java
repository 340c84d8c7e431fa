package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every bad input named in DESIGN.md: its own message on stderr, exit code 1, never a stack trace;
 * wrong usage of the command line: exit code 2.
 */
class ErrorsIntegrationTests {

    private static final String SEED = SeedIntegrationTests.SEED;

    private static Launcher.Run badInput(String... args) {
        return Launcher.run(args).exits(1).withoutStackTrace();
    }

    @Test
    void aMalformedFormulaShowsTheCaretUnderTheColumn() {
        Launcher.Run r = badInput("grad", "x^2 + * y", "--at", "x=1,y=2");
        assertThat(r.err()).contains("partials: cannot parse formula\n  x^2 + * y\n        ^ column 7: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFunctionSuggestsTheNearestName() {
        Launcher.Run r = badInput("diff", "sinn(x)", "x");
        assertThat(r.err()).contains("sinn").contains("sin");
    }

    @Test
    void implicitMultiplicationSuggestsTheStar() {
        assertThat(badInput("eval", "2x", "--at", "x=1").err()).contains("2*x");
    }

    @Test
    void aMissingCoordinateIsNamed() {
        assertThat(badInput("grad", SEED, "--at", "x=1").err()).contains("missing a coordinate for y");
    }

    @Test
    void extraCoordinatesAreCounted() {
        assertThat(badInput("grad", SEED, "--at", "1,2,3").err()).contains("3 coordinate(s)").contains("too many");
    }

    @Test
    void anUnknownVariableInAtIsNamedWithTheFormulasVariables() {
        assertThat(badInput("grad", SEED, "--at", "x=1,y=2,z=3").err())
                .contains("\"z\", which the formula does not have; its variables are [x, y]");
    }

    @Test
    void aCoordinateThatIsNotANumberIsNamed() {
        assertThat(badInput("eval", SEED, "--at", "x=1,y=two").err()).contains("y = \"two\" is not a number");
    }

    @Test
    void anUnknownProviderListsTheAvailableOnes() {
        assertThat(badInput("grad", SEED, "--at", "x=1,y=2", "--provider", "gpu").err())
                .contains("No provider \"gpu\"; available: [complex-step, dual, finite-difference, simd, symbolic]");
    }

    @Test
    void anOrderAboveTheProvidersCapabilityNamesProvidersThatCan() {
        Launcher.Run r = badInput("hessian", SEED, "--at", "x=1,y=2", "--provider", "complex-step");
        assertThat(r.err()).contains("Provider \"complex-step\" supports order <= 1, got 2").contains("\"dual\"");
    }

    @Test
    void diffWithAProviderWithoutSymbolicOutputSaysWhichCan() {
        assertThat(badInput("diff", SEED, "x", "--provider", "dual").err())
                .contains("does not offer symbolic output").contains("\"symbolic\"");
    }

    @Test
    void diffWithoutASymbolicProviderSaysWhichModuleToAdd() {
        Launcher.Run r = Launcher.run(java.util.Map.of("JAVA_OPTS", "--limit-modules dev.partials.cli,dev.partials.dual"), null,
                "diff", SEED, "x").exits(1).withoutStackTrace();
        assertThat(r.err()).contains("needs a provider with symbolic output").contains("dev.partials.symbolic");
    }

    @Test
    void aGradientOfAVectorFormulaPointsToJacobian() {
        assertThat(badInput("grad", "[x*y, sin(x)]", "--at", "x=1,y=2").err()).contains("partials jacobian");
    }

    @Test
    void aMissingPointsFileIsNamed() {
        assertThat(badInput("grad", SEED, "--points", "no-such-file.csv").err()).contains("no-such-file.csv").contains("no such file");
    }

    @Test
    void wrongUsageExitsWithTwoAndPointsToHelp() {
        Launcher.Run r = Launcher.run("grad", SEED, "--att", "x=1").exits(2).withoutStackTrace();
        assertThat(r.err()).contains("Unknown option").contains("'--att'").contains("partials grad --help");
        Launcher.Run none = Launcher.run().exits(2);
        assertThat(none.err()).contains("Usage:");
    }

    @Test
    void debugShowsTheStackTrace() {
        Launcher.Run r = Launcher.run("grad", "x^2 + * y", "--at", "x=1,y=2", "--debug").exits(1);
        assertThat(r.err()).contains("cannot parse formula").contains("\tat ");
    }
}
