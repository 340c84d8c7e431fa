/**
 * Worked examples of partials, built and tested with the project: {@link dev.partials.examples.Neuron},
 * a neuron trained by gradient descent on a formula traced from Java code.
 *
 * @uses dev.partials.PartialDerivative the {@code dual} provider, through the registry
 */
module dev.partials.examples {
    requires transitive dev.partials.api;

    exports dev.partials.examples;
}
