package dev.messagefeedback.domain;

/**
 * The SID of an account: {@code AC} followed by 32 hexadecimal digits. Compared exactly as given:
 * hex of either case is well formed, but {@code ACab…} and {@code ACAB…} are two accounts.
 */
public record AccountSid(String value) {

    /** The shape as a regular expression (without anchors), for routing tables and schemas. */
    public static final String PATTERN = "AC[0-9a-fA-F]{32}";

    public AccountSid {
        Sids.require(value, "AccountSid", "AC");
    }

    public static boolean isWellFormed(String candidate) {
        return Sids.hasShape(candidate, "AC");
    }

    @Override
    public String toString() {
        return value;
    }
}
