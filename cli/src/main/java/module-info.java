/**
 * The {@code partials} command (arrives with its issue).
 */
module dev.partials.cli {
    requires dev.partials.api;
    requires info.picocli;
}
