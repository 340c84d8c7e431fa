package com.example.partials.broken;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;

/**
 * A provider that cannot be loaded: its constructor throws
 * {@code IllegalStateException("licence file missing")}. The registry must report it in
 * {@link PartialDerivative#loadFailures()} and skip it.
 */
public final class ThrowingProvider implements PartialDerivative {

    /**
     * Always fails.
     *
     * @throws IllegalStateException always: "licence file missing"
     */
    public ThrowingProvider() {
        throw new IllegalStateException("licence file missing");
    }

    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, 1, false, false, false, false);
    }

    @Override
    public Derivatives prepare(Formula formula) {
        throw new UnsupportedOperationException("never loaded");
    }
}
