package dev.messagefeedback.domain;

/** The SID of an API key: {@code SK} followed by 32 hexadecimal digits. */
public record ApiKeySid(String value) {

    public static final String PATTERN = "SK[0-9a-fA-F]{32}";

    public ApiKeySid {
        Sids.require(value, "ApiKeySid", "SK");
    }

    public static boolean isWellFormed(String candidate) {
        return Sids.hasShape(candidate, "SK");
    }

    @Override
    public String toString() {
        return value;
    }
}
