package dev.partials.cli;

/** What a command prints: a table for people, JSON for programs, CSV for batch results. */
enum OutputFormat {
    /** Aligned text for a terminal; the default for single points. */
    table,
    /** JSON, documented in {@code docs/cli-json.md}. */
    json,
    /** Comma-separated values; the default (and only text format besides JSON) for {@code --points}. */
    csv
}
