package dev.partials.internal;

import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The provider registry behind {@link PartialDerivative#of} and friends: loaded once, lazily. */
public final class Registry {

    private static final System.Logger LOG = System.getLogger("dev.partials");

    /** The outcome of loading: providers by id, and failures. */
    public record Loaded(List<PartialDerivative> providers, List<PartialDerivative.LoadFailure> failures) {
    }

    private static final class Holder {
        static final Loaded LOADED = load(ServiceLoader.load(PartialDerivative.class).stream().iterator());
    }

    private Registry() {
    }

    /**
     * Loads every provider the service loader finds; a provider whose class cannot be loaded or whose
     * constructor throws is recorded as a failure and skipped. Duplicate ids keep the first.
     */
    public static Loaded load(Iterator<ServiceLoader.Provider<PartialDerivative>> it) {
        Map<String, PartialDerivative> byId = new LinkedHashMap<>();
        List<PartialDerivative.LoadFailure> failures = new ArrayList<>();
        while (true) {
            ServiceLoader.Provider<PartialDerivative> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                failures.add(new PartialDerivative.LoadFailure(describe(e), e));
                continue;
            }
            try {
                PartialDerivative provider = p.get();
                String id = provider.id();
                provider.capabilities();
                if (byId.putIfAbsent(id, provider) != null) {
                    failures.add(new PartialDerivative.LoadFailure(p.type().getName(),
                            new IllegalStateException("a provider with id \"" + id + "\" is already loaded: "
                                    + byId.get(id).getClass().getName())));
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(new PartialDerivative.LoadFailure(p.type().getName(), e));
            }
        }
        for (PartialDerivative.LoadFailure f : failures) {
            LOG.log(System.Logger.Level.WARNING, "partials: provider " + f.provider() + " failed to load and is skipped: "
                    + f.reason());
        }
        List<PartialDerivative> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(PartialDerivative::id));
        return new Loaded(List.copyOf(sorted), List.copyOf(failures));
    }

    private static String describe(ServiceConfigurationError e) {
        String m = e.getMessage();
        // "dev.partials.PartialDerivative: Provider com.example.Broken could not be instantiated"
        if (m != null) {
            int i = m.indexOf("Provider ");
            if (i >= 0) {
                String rest = m.substring(i + "Provider ".length());
                int space = rest.indexOf(' ');
                return space > 0 ? rest.substring(0, space) : rest;
            }
        }
        return String.valueOf(m);
    }

    /** All loaded providers, sorted by id. */
    public static List<PartialDerivative> all() {
        return Holder.LOADED.providers();
    }

    /** Providers that failed to load. */
    public static List<PartialDerivative.LoadFailure> loadFailures() {
        return Holder.LOADED.failures();
    }

    /** The provider with {@code id}, if loaded. */
    public static Optional<PartialDerivative> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The provider with {@code id}, or an {@code UNKNOWN_PROVIDER} error listing the available ids. */
    public static PartialDerivative of(String id) {
        return find(id).orElseThrow(() -> unknown(id, all()));
    }

    /** The error for an unknown provider id, listing {@code available}. */
    public static PartialsException unknown(String id, List<PartialDerivative> available) {
        List<String> ids = available.stream().map(PartialDerivative::id).toList();
        String detail = ids.isEmpty()
                ? "No provider \"" + id + "\"; no providers are available. Add a provider module (dev.partials.dual, …) to the module path."
                : "No provider \"" + id + "\"; available: " + ids + ". Add its module to the module path.";
        return PartialsException.builder(PartialsException.Kind.UNKNOWN_PROVIDER, detail)
                .name(id).provider(id).suggestions(ids).build();
    }

    /** {@code dual}, else the first exact provider, else the first provider. */
    public static PartialDerivative getDefault() {
        List<PartialDerivative> all = all();
        return find("dual")
                .or(() -> all.stream().filter(p -> p.capabilities().exact()).findFirst())
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> unknown("dual", all));
    }
}
