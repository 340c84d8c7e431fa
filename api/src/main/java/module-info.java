/**
 * The partials API: expressions, formulas, the {@code PartialDerivative} service type with its
 * registry, and the SPI that providers implement.
 *
 * @uses dev.partials.PartialDerivative providers are found with {@link java.util.ServiceLoader}
 */
module dev.partials.api {
    exports dev.partials;
    exports dev.partials.spi;

    uses dev.partials.PartialDerivative;
}
