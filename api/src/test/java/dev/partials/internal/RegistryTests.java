package dev.partials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RegistryTests {

    private record Fake(String id) implements PartialDerivative {
        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, 1, false, false, false, false);
        }

        @Override
        public Derivatives prepare(Formula formula) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private static final class Broken implements PartialDerivative {
        Broken() {
            throw new IllegalStateException("no licence");
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public Capabilities capabilities() {
            return null;
        }

        @Override
        public Derivatives prepare(Formula formula) {
            return null;
        }
    }

    private record Entry(Class<? extends PartialDerivative> type, Supplier<PartialDerivative> supplier)
            implements ServiceLoader.Provider<PartialDerivative> {
        @Override
        public PartialDerivative get() {
            return supplier.get();
        }
    }

    @Test
    void apiAloneHasNoProviders() {
        // the api module's tests run with no provider module on the path
        assertThat(PartialDerivative.all()).isEmpty();
        assertThat(PartialDerivative.find("dual")).isEmpty();
    }

    @Test
    void unknownProviderIsATypedErrorListingTheAvailableOnes() {
        assertThatThrownBy(() -> PartialDerivative.of("nope"))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PartialsException.Kind.UNKNOWN_PROVIDER);
                    assertThat(e.name()).contains("nope");
                });
        PartialsException e = Registry.unknown("gpu", List.of(new Fake("dual"), new Fake("symbolic")));
        assertThat(e.getMessage())
                .isEqualTo("No provider \"gpu\"; available: [dual, symbolic]. Add its module to the module path.");
        assertThat(e.suggestions()).containsExactly("dual", "symbolic");
        assertThatThrownBy(PartialDerivative::getDefault).isInstanceOf(PartialsException.class);
    }

    @Test
    void providerThatFailsToLoadIsReportedWithItsCauseAndSkipped() {
        List<ServiceLoader.Provider<PartialDerivative>> entries = List.of(
                new Entry(Fake.class, () -> new Fake("zeta")),
                new Entry(Broken.class, Broken::new),
                new Entry(Fake.class, () -> {
                    throw new ServiceConfigurationError("Provider com.example.Missing could not be instantiated",
                            new NoClassDefFoundError("com/example/Dependency"));
                }),
                new Entry(Fake.class, () -> new Fake("alpha")),
                new Entry(Fake.class, () -> new Fake("alpha")));
        Registry.Loaded loaded = Registry.load(entries.iterator());
        assertThat(loaded.providers()).extracting(PartialDerivative::id).containsExactly("alpha", "zeta");
        assertThat(loaded.failures()).hasSize(3);
        assertThat(loaded.failures().get(0).provider()).endsWith("Broken");
        assertThat(loaded.failures().get(0).reason()).isEqualTo("IllegalStateException: no licence");
        assertThat(loaded.failures().get(1).reason()).contains("NoClassDefFoundError");
        assertThat(loaded.failures().get(2).cause()).hasMessageContaining("already loaded");
    }
}
