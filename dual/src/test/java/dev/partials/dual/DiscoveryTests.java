package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/** The provider is found through the service loader, by id, and declares what it serves. */
class DiscoveryTests {

    @Test
    void isFoundById() {
        PartialDerivative dual = PartialDerivative.of("dual");
        assertThat(dual.id()).isEqualTo("dual");
        assertThat(PartialDerivative.find("dual")).containsSame(dual);
    }

    @Test
    void isListedByAllAndIsTheDefault() {
        assertThat(PartialDerivative.all()).extracting(PartialDerivative::id).contains("dual");
        assertThat(PartialDerivative.getDefault().id()).isEqualTo("dual");
        assertThat(PartialDerivative.loadFailures()).noneMatch(f -> f.provider().contains("dual"));
    }

    @Test
    void declaresExactMixedPartialsUpToItsMaximumOrder() {
        Capabilities c = PartialDerivative.of("dual").capabilities();
        assertThat(c.exact()).isTrue();
        assertThat(c.maxOrder()).isGreaterThanOrEqualTo(8);
        assertThat(c.mixedPartials()).isTrue();
        assertThat(c.batched()).isFalse();
        assertThat(c.symbolicOutput()).isFalse();
        assertThat(c.errorEstimates()).isFalse();
    }

    @Test
    void preparedDerivativesNameTheirProviderAndFormula() {
        PartialDerivative dual = PartialDerivative.of("dual");
        assertThat(dual.prepare(Functions.SEED).provider()).isSameAs(dual);
        assertThat(dual.prepare(Functions.SEED).formula()).isSameAs(Functions.SEED);
    }

    @Test
    void onTheModulePathOnlyTheDualTypeIsExported() {
        Module module = Dual.class.getModule();
        assumeTrue(module.isNamed(), "running on the class path");
        assertThat(module.getName()).isEqualTo("dev.partials.dual");
        assertThat(module.getDescriptor().exports()).extracting(e -> e.source()).containsExactly("dev.partials.dual");
        assertThat(module.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("dev.partials.PartialDerivative");
            assertThat(p.providers()).containsExactly("dev.partials.dual.internal.DualProvider");
        });
        assertThat(PartialDerivative.of("dual").getClass().getModule()).isSameAs(module);
    }
}
