package dev.messagefeedback.domain;

/**
 * The SID of a message: {@code SM} (SMS) or {@code MM} (MMS) followed by 32 hexadecimal digits.
 * Compared exactly as given, like every SID.
 */
public record MessageSid(String value) {

    /** The shape as a regular expression (without anchors), for routing tables and schemas. */
    public static final String PATTERN = "(?:SM|MM)[0-9a-fA-F]{32}";

    public MessageSid {
        Sids.require(value, "MessageSid", "SM", "MM");
    }

    public static boolean isWellFormed(String candidate) {
        return Sids.hasShape(candidate, "SM", "MM");
    }

    @Override
    public String toString() {
        return value;
    }
}
