package dev.partials.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider as users meet it: through the registry, on the module path and on the class path. */
class SimdProviderTests {

    @Test
    void isFoundByIdThroughTheRegistry() {
        PartialDerivative simd = PartialDerivative.of("simd");
        assertThat(simd).isInstanceOf(SimdProvider.class);
        assertThat(simd.id()).isEqualTo("simd");
        assertThat(PartialDerivative.all()).contains(simd);
        assertThat(PartialDerivative.loadFailures()).noneMatch(f -> f.provider().contains("simd"));
    }

    @Test
    void declaresExactFirstOrderBatchedCapabilities() {
        Capabilities c = PartialDerivative.of("simd").capabilities();
        assertThat(c).isEqualTo(new Capabilities(true, 1, false, true, false, false));
    }

    @Test
    void explainsAMissingVectorModuleWithTheFlagThatEnablesIt() {
        PartialsException e = VectorModule.unavailable();
        assertThat(e.kind()).isEqualTo(PartialsException.Kind.NOT_SUPPORTED);
        assertThat(e.providerId()).contains("simd");
        assertThat(e.getMessage()).contains("--add-modules jdk.incubator.vector");
    }

    @Test
    void onTheClassPathWithoutTheVectorModuleFailsToLoadOnceWithTheReason() throws Exception {
        Result r = probe(false);
        assertThat(r.out).contains("found=false").contains("failure=dev.partials.simd.SimdProvider")
                .contains("--add-modules jdk.incubator.vector").doesNotContain("gradient=");
        assertThat(r.err.split("--add-modules jdk.incubator.vector", -1)).as(r.err).hasSize(2);
        assertThat(r.err).doesNotContain("NoClassDefFoundError");
    }

    @Test
    void onTheClassPathWithTheVectorModuleComputes() throws Exception {
        Result r = probe(true);
        assertThat(r.out).contains("found=true").contains("gradient=[8.0, 3.0]").doesNotContain("failure=");
    }

    private record Result(String out, String err) {
    }

    /** Runs {@link ClassPathProbe} on a class path of the api, simd and test classes. */
    private static Result probe(boolean addModules) throws IOException, InterruptedException, URISyntaxException {
        String classPath = String.join(File.pathSeparator, location(PartialDerivative.class),
                location(SimdProvider.class), Path.of("target", "test-classes").toAbsolutePath().toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (addModules) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.addAll(List.of("-cp", classPath, ClassPathProbe.class.getName()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
