package dev.partials.conformance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/** Runs the properties of a {@link ProviderContract} outside JUnit's engine and collects the outcomes. */
final class ContractRun {

    enum Status { PASSED, FAILED, ABORTED }

    record Outcome(String property, String test, Status status, Throwable error) {
        String message() {
            return error == null ? "" : String.valueOf(error.getMessage());
        }
    }

    private ContractRun() {
    }

    /** The names of every property of the contract: its {@code @TestFactory} methods. */
    static List<String> properties() {
        return Arrays.stream(ProviderContract.class.getMethods())
                .filter(m -> m.isAnnotationPresent(TestFactory.class))
                .map(Method::getName).sorted().toList();
    }

    /** Runs every property. */
    static List<Outcome> run(ProviderContract contract) {
        return run(contract, Set.copyOf(properties()));
    }

    /** Runs the named properties. */
    @SuppressWarnings("unchecked")
    static List<Outcome> run(ProviderContract contract, Set<String> names) {
        List<Outcome> out = new ArrayList<>();
        List<Method> methods = Arrays.stream(ProviderContract.class.getMethods())
                .filter(m -> m.isAnnotationPresent(TestFactory.class) && names.contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName)).toList();
        for (Method m : methods) {
            Stream<DynamicTest> tests;
            try {
                tests = (Stream<DynamicTest>) m.invoke(contract);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                out.add(new Outcome(m.getName(), "(factory)", Status.FAILED, e.getCause()));
                continue;
            }
            tests.forEach(t -> {
                try {
                    t.getExecutable().execute();
                    out.add(new Outcome(m.getName(), t.getDisplayName(), Status.PASSED, null));
                } catch (TestAbortedException e) {
                    out.add(new Outcome(m.getName(), t.getDisplayName(), Status.ABORTED, e));
                } catch (Throwable e) {
                    out.add(new Outcome(m.getName(), t.getDisplayName(), Status.FAILED, e));
                }
            });
        }
        return out;
    }
}
