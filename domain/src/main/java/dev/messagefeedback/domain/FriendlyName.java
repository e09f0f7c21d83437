package dev.messagefeedback.domain;

/** A human label for an account or key: 1 to 64 printable characters, no control characters. */
public record FriendlyName(String value) {

    public static final int MAX_LENGTH = 64;

    public FriendlyName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH
                || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a friendly name has 1 to " + MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
