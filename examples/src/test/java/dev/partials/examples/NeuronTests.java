package dev.partials.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.partials.Formula;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeuronTests {

    private static final List<Neuron.Sample> DATA = Neuron.dataset(64, 7, Neuron.W1, Neuron.W2, Neuron.B);

    @Test
    void theTracedLossIsAFormulaInTheThreeWeights() {
        Formula loss = Neuron.loss(DATA);
        assertThat(loss.variables()).containsExactly("w1", "w2", "b");
        assertThat(loss.outputCount()).isEqualTo(1);
    }

    @Test
    void gradientDescentDrivesTheLossBelowAThresholdAndNeverRaisesIt() {
        Neuron.Training t = Neuron.train(Neuron.loss(DATA), new double[] {0, 0, 0}, 2.0, 1000, (s, l) -> { });
        double[] losses = t.losses();
        assertThat(losses[0]).isGreaterThan(0.05);
        assertThat(t.finalLoss()).isLessThan(1e-8);
        for (int i = 1; i < losses.length; i++) {
            assertThat(losses[i]).as("loss after step %d", i).isLessThanOrEqualTo(losses[i - 1]);
        }
    }

    @Test
    void theLearnedWeightsApproachTheGeneratingOnes() {
        Neuron.Training t = Neuron.train(Neuron.loss(DATA), new double[] {0, 0, 0}, 2.0, 1000, (s, l) -> { });
        assertThat(t.weights()[0]).isCloseTo(Neuron.W1, within(0.01));
        assertThat(t.weights()[1]).isCloseTo(Neuron.W2, within(0.01));
        assertThat(t.weights()[2]).isCloseTo(Neuron.B, within(0.01));
    }

    @Test
    void atTheGeneratingWeightsTheLossIsZero() {
        Neuron.Training t = Neuron.train(Neuron.loss(DATA), new double[] {Neuron.W1, Neuron.W2, Neuron.B}, 2.0, 0,
                (s, l) -> { });
        assertThat(t.finalLoss()).isLessThan(1e-25);
    }
}
