package dev.messagefeedback.domain;

/** A string that is not a SID of the expected kind. The offending value is kept out of the message. */
public final class InvalidSidException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidSidException(String kind, String candidate) {
        super("not a valid " + kind + " (length " + (candidate == null ? "null" : candidate.length()) + ")");
    }
}
