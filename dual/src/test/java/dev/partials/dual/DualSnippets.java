package dev.partials.dual;

/**
 * Compiled sources of the code examples in this module's Javadoc
 * ({@code {@snippet class=dev.partials.dual.DualSnippets region=…}}; javadoc needs
 * {@code --snippet-path src/test/java}, configured in this module's pom). {@link NeuronTests} runs them
 * and checks their results against the closed form.
 */
final class DualSnippets {

    private DualSnippets() {
    }

    /** The neuron of the seed example: loss = (sigmoid(w1·x1 + w2·x2 + b) − y)², gradient in (w1, w2, b). */
    static double[] neuron() {
        // @start region=neuron
        double x1 = 1.5, x2 = -2.0, y = 1.0;
        Dual w1 = Dual.variable(3, 0, 0.3);                 // the variables: w1, w2, b
        Dual w2 = Dual.variable(3, 1, -0.7);
        Dual b = Dual.variable(3, 2, 0.1);
        Dual output = w1.multiply(x1).add(w2.multiply(x2)).add(b).sigmoid();
        Dual loss = output.subtract(y).pow(2);
        double value = loss.value();                        // (o - y)^2
        double[] gradient = loss.gradient();                // 2(o - y)·o(1 - o)·(x1, x2, 1)
        // @end
        double[] result = new double[4];
        result[0] = value;
        System.arraycopy(gradient, 0, result, 1, 3);
        return result;
    }
}
