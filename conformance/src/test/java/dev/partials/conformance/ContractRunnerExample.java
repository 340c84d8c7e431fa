package dev.partials.conformance;

import dev.partials.PartialDerivative;

/** The example of {@link ContractRunner}'s documentation, compiled and run by {@link ContractRunnerTests}. */
final class ContractRunnerExample {

    private ContractRunnerExample() {
    }

    /** Runs the contract on {@code provider}, prints what failed, and says whether it passed. */
    static boolean verify(PartialDerivative provider) {
        // @start region=run
        ContractRunner.Report report = ContractRunner.run(provider, KitSettings.defaults().withTries(20));
        for (ContractRunner.Outcome o : report.withStatus(ContractRunner.Status.FAILED)) {
            System.err.println(o.property() + " fails:\n" + String.join("\n", o.messages()));
        }
        boolean conforms = report.passed(); // skipped properties do not count against it
        // @end
        return conforms;
    }
}
