package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line parsed and dispatched in this JVM, without a process. */
class CommandLineTests {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[] {"compare", "diff", "grad", "hessian", "jacobian", "partial", "eval",
            "providers", "verify", "plot"}) {
            Result r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: partials " + command).contains("Examples:");
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        Result r = run("grad", "x^2", "--att", "x=1");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("partials: Unknown option").contains("'--att'").contains("Possible solutions: --at")
                .contains("partials grad --help");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSuggestsTheNearestOne() {
        Result r = run("gard", "x^2");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("'gard'").contains("Did you mean");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run().code()).isEqualTo(Main.USAGE);
    }

    @Test
    void aMissingFormulaIsAUsageError() {
        assertThat(run("grad").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void csvFormatForOnePointIsAUsageError() {
        Result r = run("grad", "x^2", "--at", "x=1", "--format", "csv");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--format csv is for batch results");
    }

    @Test
    void givingBothAtAndPointsIsAUsageError() {
        Result r = run("grad", "x^2", "--at", "x=1", "--points", "p.csv");
        assertThat(r.code()).isEqualTo(Main.USAGE);
    }

    @Test
    void aMalformedFormulaIsBadInputWithTheCaretAndNoStackTrace() {
        Result r = run("grad", "x^2 + * y", "--at", "x=1,y=2");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("cannot parse formula").contains("^ column 7").doesNotContain("\tat ");
    }

    @Test
    void theDebugFlagAddsTheStackTrace() {
        Result r = run("grad", "x^2 + * y", "--at", "x=1,y=2", "--debug");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("cannot parse formula").contains("\tat ");
    }

    @Test
    void plotNeedsAPngOrSvgFile() {
        Result r = run("plot", "x^2", "--var", "x", "-o", "out.gif");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(".png or .svg");
    }

    @Test
    void plotNeedsExactlyOneOfVarAndContour() {
        assertThat(run("plot", "x*y", "-o", "a.png").code()).isEqualTo(Main.USAGE);
        assertThat(run("plot", "x*y", "--var", "x", "--contour", "x,y", "-o", "a.png").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void verifyRunsTheChosenPropertiesInTheOrderGivenThroughTheContractRunner() {
        Result r = run("verify", "--provider", "dual", "--tries", "2", "--property", "structuralZeros,errorEstimatesAreHonest");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("partials verify: seed 20261126, 2 tries per random property");
        int zeros = r.out().indexOf("structuralZeros");
        int estimates = r.out().indexOf("errorEstimatesAreHonest");
        assertThat(zeros).isPositive().isLessThan(estimates);
        assertThat(r.out()).containsPattern("dual +structuralZeros +pass")
                .containsPattern("dual +errorEstimatesAreHonest +skipped")
                .contains("verify: 1 properties held, 0 failed, 1 did not apply (1 provider(s))");
    }

    @Test
    void verifyRejectsAnUnknownPropertyListingTheKnownOnes() {
        Result r = run("verify", "--provider", "dual", "--property", "noSuchProperty");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no property \"noSuchProperty\"").contains("partialsMatchExactOracle");
    }
}
