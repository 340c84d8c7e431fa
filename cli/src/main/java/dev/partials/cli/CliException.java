package dev.partials.cli;

/**
 * Bad input that is not about a formula or a point: a file that cannot be read or written, a plot
 * request that makes no sense. Reported like a {@link dev.partials.PartialsException}: its message on
 * stderr, exit code 1.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
