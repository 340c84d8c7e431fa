package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The seed example, f(x, y) = x^2 + 3*x*y, through the real launcher. */
class SeedIntegrationTests {

    static final String SEED = "x^2 + 3*x*y";
    static final List<String> PROVIDERS = List.of("complex-step", "dual", "finite-difference", "simd", "symbolic");

    /** The numbers of a JSON array field such as {@code "gradient": [8, 3]}. */
    static double[] numbers(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \\[([^\\]\\[]*)\\]").matcher(json);
        assertThat(m.find()).as("field %s in %s", field, json).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }

    /** The numbers of a row of the compare table. */
    static List<Double> row(String table, String name) {
        String line = table.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
        return Arrays.stream(line.substring(name.length()).strip().split("\\s+")).map(Double::valueOf).toList();
    }

    @Test
    void diffByXIsTwoXPlusThreeY() {
        Launcher.Run r = Launcher.run("diff", SEED, "x").exits(0);
        assertThat(r.out().strip()).isEqualTo("2*x + 3*y");
    }

    @Test
    void diffByYIsThreeX() {
        assertThat(Launcher.run("diff", SEED, "y").exits(0).out().strip()).isEqualTo("3*x");
    }

    @Test
    void diffAllPrintsEveryFirstPartialByName() {
        Launcher.Run r = Launcher.run("diff", SEED, "--all").exits(0);
        assertThat(r.out().lines()).containsExactly("∂f/∂x = 2*x + 3*y", "∂f/∂y = 3*x");
    }

    @Test
    void diffByXThenYIsTheMixedPartialThree() {
        assertThat(Launcher.run("diff", SEED, "x", "y").exits(0).out().strip()).isEqualTo("3");
    }

    @Test
    void diffWritesLatex() {
        Launcher.Run r = Launcher.run("diff", SEED, "--all", "--latex").exits(0);
        assertThat(r.out()).contains("\\frac{\\partial f}{\\partial x} = ");
    }

    @Test
    void gradientAtOneTwoIsEightAndThree() {
        Launcher.Run r = Launcher.run("grad", SEED, "--at", "x=1,y=2").exits(0);
        assertThat(r.out()).contains("∂f/∂x = 8").contains("∂f/∂y = 3");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void gradientAtOneTwoIsEightAndThreeFromEveryProvider() {
        for (String p : PROVIDERS) {
            Launcher.Run r = Launcher.run("grad", SEED, "--at", "1,2", "--provider", p, "--format", "json").exits(0);
            double[] g = numbers(r.out(), "gradient");
            if (p.equals("finite-difference")) { // approximate: within its error
                assertThat(g[0]).as(p).isCloseTo(8, within(1e-9));
                assertThat(g[1]).as(p).isCloseTo(3, within(1e-9));
            } else {
                assertThat(g).as(p).containsExactly(8, 3);
            }
            assertThat(r.out()).contains("\"provider\": \"" + p + "\"");
        }
    }

    @Test
    void hessianJacobianPartialAndValueOfTheSeed() {
        Launcher.Run h = Launcher.run("hessian", SEED, "--at", "x=1,y=2", "--format", "json").exits(0);
        assertThat(h.out()).containsPattern("\"hessian\": \\[\\s*\\[2, 3\\],\\s*\\[3, 0\\]\\s*\\]");
        Launcher.Run j = Launcher.run("jacobian", "[x*y, sin(x)]", "--at", "x=0,y=2", "--format", "json").exits(0);
        assertThat(j.out()).containsPattern("\"jacobian\": \\[\\s*\\[2, 0\\],\\s*\\[1, 0\\]\\s*\\]");
        Launcher.Run p = Launcher.run("partial", SEED, "--wrt", "x,y", "--at", "x=1,y=2").exits(0);
        assertThat(p.out()).contains("∂²f/∂x∂y = 3");
        Launcher.Run third = Launcher.run("partial", "x^3*y^2", "--wrt", "x,x,y", "--at", "1,2").exits(0);
        assertThat(third.out()).contains("∂³f/∂x²∂y = 24");
        Launcher.Run e = Launcher.run("eval", SEED, "--at", "x=1,y=2").exits(0);
        assertThat(e.out()).contains("f = 7");
    }

    @Test
    void compareShowsEveryProviderAgreeingOnTheSeed() {
        Launcher.Run r = Launcher.run("compare", SEED, "--at", "x=1,y=2").exits(0).withoutStackTrace();
        String header = r.out().lines().filter(l -> l.contains("symbolic") && l.contains("dual")).findFirst().orElseThrow();
        for (String p : PROVIDERS) {
            assertThat(header).contains(p);
        }
        assertThat(row(r.out(), "∂f/∂x")).hasSize(5).allSatisfy(v -> assertThat(v).isCloseTo(8, within(1e-9)));
        assertThat(row(r.out(), "∂f/∂y")).hasSize(5).allSatisfy(v -> assertThat(v).isCloseTo(3, within(1e-9)));
        assertThat(row(r.out(), "f")).containsExactly(7.0, 7.0, 7.0, 7.0, 7.0);
        assertThat(r.out()).contains("time/call").contains("deviation").contains("error estimate");
        assertThat(r.out()).contains("verdict: agree");
    }

    @Test
    void compareShowsEveryProviderAgreeingOnSinExpOverOnePlusZSquared() {
        Launcher.Run r = Launcher.run("compare", "sin(x)*exp(y)/(1+z^2)", "--at", "x=0.5,y=1,z=2").exits(0);
        assertThat(r.out()).contains("∂f/∂x").contains("∂f/∂y").contains("∂f/∂z").contains("verdict: agree");
        Launcher.Run json = Launcher.run("compare", "sin(x)*exp(y)/(1+z^2)", "--at", "0.5,1,2", "--format", "json",
                "--no-timing").exits(0);
        assertThat(json.out()).contains("\"reference\": \"symbolic\"").contains("\"agree\": true");
        // ∂f/∂x = cos(x)·e^y/(1 + z²) at (0.5, 1, 2)
        double dx = Math.cos(0.5) * Math.exp(1) / 5;
        assertThat(json.out()).contains(Numbers.format(dx));
    }

    @Test
    void compareOfSecondPartialsMarksWhatAFirstOrderProviderCannotDo() {
        Launcher.Run r = Launcher.run("compare", "x^3*y", "--at", "1,2", "--wrt", "x,x", "--wrt", "x,y").exits(0);
        assertThat(r.out()).contains("∂²f/∂x²").contains("∂²f/∂x∂y").contains("n/a")
                .contains("supports order <= 1, got 2").contains("verdict: agree");
    }

    @Test
    void providersListsEveryProviderWithItsModuleAndCapabilities() {
        Launcher.Run r = Launcher.run("providers").exits(0);
        assertThat(r.out()).contains("dev.partials.dual").contains("dev.partials.symbolic").contains("dev.partials.numeric")
                .contains("dev.partials.simd").contains("error estimates");
        Launcher.Run json = Launcher.run("providers", "--format", "json").exits(0);
        assertThat(json.out()).contains("\"loadFailures\": []");
        for (String p : PROVIDERS) {
            assertThat(json.out()).contains("\"id\": \"" + p + "\"");
        }
    }

    @Test
    void verifyRunsTheConformanceKitAgainstAProvider() {
        Launcher.Run r = Launcher.run("verify", "--provider", "dual", "--tries", "3").exits(0);
        assertThat(r.out()).contains("seed").contains("structuralZeros").contains("conventions").contains("held");
    }

    @Test
    void verifyCrossPrintsTheMatrixOfEveryProvider() {
        Launcher.Run r = Launcher.run("verify", "--cross", "--tries", "5").exits(0);
        assertThat(r.out()).contains("cross-validation: seed").contains("all 10 pairs agree");
        for (String p : List.of("complex-step", "dual", "finite-difference", "simd", "symbolic")) {
            assertThat(r.out()).contains(p);
        }
    }

    @Test
    void helpOfEveryCommandHasExamples() {
        Launcher.Run r = Launcher.run("compare", "--help").exits(0);
        assertThat(r.out()).contains("Examples:").contains("partials compare \"x^2 + 3*x*y\" --at x=1,y=2");
    }

    @Test
    void theLauncherFindsAJdk25WhenJavaHomeAndTheDefaultJavaAreOlder() {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeThat(Files.isExecutable(jdk17.resolve("bin/java"))).as("a JDK 17 on this machine").isTrue();
        Map<String, String> env = Map.of("JAVA_HOME", jdk17.toString(),
                "PATH", jdk17.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        Launcher.Run r = Launcher.run(env, null, "--version").exits(0);
        assertThat(r.out()).containsPattern("Java 2[5-9]|Java [3-9]\\d");
        Launcher.Run g = Launcher.run(env, null, "grad", SEED, "--at", "x=1,y=2").exits(0);
        assertThat(g.out()).contains("∂f/∂x = 8");
    }
}
