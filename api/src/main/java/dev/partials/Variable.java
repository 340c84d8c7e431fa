package dev.partials;

import java.util.Objects;

/**
 * A variable of a formula, by name: an identifier {@code [A-Za-z_][A-Za-z0-9_]*} such as
 * {@code x}, {@code w1}, {@code x_2} or {@code alpha}.
 *
 * @param name the variable's name
 * @since 0.1
 */
public record Variable(String name) implements Expression {

    /**
     * Checks the name is an identifier.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#INVALID_VARIABLE_NAME} if not
     */
    public Variable {
        Objects.requireNonNull(name, "name");
        if (!isIdentifier(name)) {
            throw PartialsException.invalidVariableName(name);
        }
    }

    /** Whether {@code name} is an identifier {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public String toString() {
        return name;
    }
}
