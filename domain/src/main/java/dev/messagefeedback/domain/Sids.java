package dev.messagefeedback.domain;

import java.util.regex.Pattern;

/** The shape shared by every Twilio SID: a two-letter prefix and 32 hexadecimal digits, of either case. */
final class Sids {

    private static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{32}");

    private Sids() {
    }

    static boolean hasShape(String candidate, String... prefixes) {
        if (candidate == null || candidate.length() != 34) {
            return false;
        }
        for (String prefix : prefixes) {
            if (candidate.startsWith(prefix)) {
                return HEX_32.matcher(candidate).region(2, 34).matches();
            }
        }
        return false;
    }

    static String require(String candidate, String kind, String... prefixes) {
        if (!hasShape(candidate, prefixes)) {
            throw new InvalidSidException(kind, candidate);
        }
        return candidate;
    }
}
