package dev.messagefeedback.domain;

/**
 * The shape shared by every Twilio SID: a two-letter prefix and 32 hexadecimal digits, of either case.
 * Checked character by character rather than with a regular expression: every request checks two or
 * three SIDs, and the matcher was 1.8 % of a loaded service's CPU (BENCHMARKS.md).
 */
final class Sids {

    private Sids() {
    }

    static boolean hasShape(String candidate, String... prefixes) {
        if (candidate == null || candidate.length() != 34) {
            return false;
        }
        for (String prefix : prefixes) {
            if (candidate.startsWith(prefix)) {
                return isHex(candidate, prefix.length());
            }
        }
        return false;
    }

    private static boolean isHex(String candidate, int from) {
        for (int i = from; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    static String require(String candidate, String kind, String... prefixes) {
        if (!hasShape(candidate, prefixes)) {
            throw new InvalidSidException(kind, candidate);
        }
        return candidate;
    }
}
