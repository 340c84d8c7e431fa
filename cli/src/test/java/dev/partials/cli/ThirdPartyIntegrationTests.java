package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Third-party providers through the real launcher: the example modules' jars
 * ({@code examples/third-party-provider}, {@code examples/broken-providers}) added with
 * {@code PARTIALS_EXTRA_MODULE_PATH} or {@code PARTIALS_EXTRA_CLASS_PATH}. The cli does not depend on
 * them; failsafe passes their paths ({@code -Dpartials.example.centraldiff},
 * {@code -Dpartials.example.broken}).
 */
class ThirdPartyIntegrationTests {

    static final String ID = "central-difference";

    private static Path jar(String property) {
        String p = System.getProperty(property);
        assertThat(p).as("system property %s (set by failsafe in cli/pom.xml)", property).isNotNull();
        Path jar = Path.of(p).toAbsolutePath().normalize();
        assertThat(Files.isRegularFile(jar)).as("the example jar %s (built by the reactor before cli)", jar).isTrue();
        return jar;
    }

    private static Map<String, String> modulePath(String property) {
        return Map.of("PARTIALS_EXTRA_MODULE_PATH", jar(property).toString());
    }

    private static Map<String, String> classPath(String property) {
        return Map.of("PARTIALS_EXTRA_CLASS_PATH", jar(property).toString());
    }

    /** The line of {@code providers} output that lists the provider {@code id}. */
    private static String line(String out, String id) {
        return out.lines().filter(l -> l.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in:\n" + out));
    }

    @Test
    void providersListsTheProviderOnTheModulePathWithItsModule() {
        Launcher.Run r = Launcher.run(modulePath("partials.example.centraldiff"), null, "providers").exits(0).withoutStackTrace();
        assertThat(line(r.out(), ID)).contains("com.example.partials.centraldiff").contains("approximate, order <= 1, error estimates");
        for (String p : SeedIntegrationTests.PROVIDERS) {
            assertThat(r.out()).contains(p);
        }
        Launcher.Run json = Launcher.run(modulePath("partials.example.centraldiff"), null, "providers", "--format", "json").exits(0);
        assertThat(json.out()).contains("\"id\": \"" + ID + "\"").contains("\"loadFailures\": []");
    }

    @Test
    void compareShowsTheThirdPartyColumnAgreeing() {
        Launcher.Run r = Launcher.run(modulePath("partials.example.centraldiff"), null,
                "compare", SeedIntegrationTests.SEED, "--at", "x=1,y=2").exits(0).withoutStackTrace();
        String header = r.out().lines().filter(l -> l.contains("symbolic") && l.contains("dual")).findFirst().orElseThrow();
        assertThat(header).contains(ID);
        List<Double> dx = SeedIntegrationTests.row(r.out(), "∂f/∂x");
        List<Double> dy = SeedIntegrationTests.row(r.out(), "∂f/∂y");
        assertThat(dx).hasSize(6).allSatisfy(v -> assertThat(v).isCloseTo(8, within(1e-8)));
        assertThat(dy).hasSize(6).allSatisfy(v -> assertThat(v).isCloseTo(3, within(1e-8)));
        assertThat(r.out()).contains("verdict: agree");
    }

    @Test
    void verifyPassesTheThirdPartyProvider() {
        Launcher.Run r = Launcher.run(modulePath("partials.example.centraldiff"), null,
                "verify", "--provider", ID, "--tries", "20").exits(0).withoutStackTrace();
        assertThat(r.out()).contains(ID).contains("errorEstimatesAreHonest").contains("structuralZeros")
                .contains("0 failed");
    }

    @Test
    void providersFindsTheSameJarOnTheClassPathThroughMetaInfServices() {
        Launcher.Run r = Launcher.run(classPath("partials.example.centraldiff"), null, "providers").exits(0).withoutStackTrace();
        assertThat(line(r.out(), ID)).contains("(class path)").doesNotContain("com.example.partials.centraldiff");
        Launcher.Run g = Launcher.run(classPath("partials.example.centraldiff"), null,
                "grad", SeedIntegrationTests.SEED, "--at", "1,2", "--provider", ID, "--format", "json").exits(0);
        double[] gradient = SeedIntegrationTests.numbers(g.out(), "gradient");
        assertThat(gradient[0]).isCloseTo(8, within(1e-8));
        assertThat(gradient[1]).isCloseTo(3, within(1e-8));
    }

    @Test
    void aProviderThatThrowsWhileLoadingIsReportedAndSkipped() {
        Launcher.Run r = Launcher.run(modulePath("partials.example.broken"), null, "providers").exits(0).withoutStackTrace();
        for (String p : SeedIntegrationTests.PROVIDERS) {
            assertThat(line(r.out(), p)).contains("dev.partials.");
        }
        assertThat(r.out()).contains("failed to load")
                .containsPattern("ThrowingProvider.*licence file missing");
        Launcher.Run json = Launcher.run(modulePath("partials.example.broken"), null, "providers", "--format", "json").exits(0);
        assertThat(json.out()).contains("ThrowingProvider").contains("licence file missing");
    }

    @Test
    void verifyCatchesAWrongDerivativeWithAShrunkCounterexample() {
        Launcher.Run r = Launcher.run(modulePath("partials.example.broken"), null,
                "verify", "--provider", "wrong-sign", "--tries", "20").exits(1).withoutStackTrace();
        assertThat(r.out()).contains("wrong-sign").contains("FAIL").contains("shrunk:").contains("-Dpartials.seed=")
                .containsPattern("seed -?\\d+");
    }
}
