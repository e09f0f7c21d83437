package dev.messagefeedback.adapter.rest;

import java.util.Map;

/**
 * An error answer of the API (docs/errors.md), raised anywhere in this adapter and rendered by {@link TwilioErrorMappers}.
 * No stack trace: these are expected answers, not faults.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String ACCEPTED_CONTENT_TYPES =
            "application/x-www-form-urlencoded or multipart/form-data";

    private final int status;
    private final int code;
    private final transient Map<String, String> headers;

    private ApiProblem(int status, int code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    static ApiProblem unauthenticated() {
        return new ApiProblem(401, 20003, "Authenticate", Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""));
    }

    static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return new ApiProblem(429, 20429, "Too Many Requests", Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** How long a client should wait before it retries after a 503: a stalled database mostly recovers in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    static ApiProblem serviceUnavailable() {
        return new ApiProblem(503, 20503, "Service unavailable", Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }

    static ApiProblem notFound(String path) {
        return new ApiProblem(404, 20404, "The requested resource " + path + " was not found", Map.of());
    }

    static ApiProblem methodNotAllowed(String allow) {
        return new ApiProblem(405, 20004, "Method not allowed", Map.of("Allow", allow));
    }

    static ApiProblem unsupportedMediaType(String why) {
        return new ApiProblem(415, 20001, why + ": the body must be " + ACCEPTED_CONTENT_TYPES, Map.of());
    }

    static ApiProblem bodyTooLarge(long limit) {
        return new ApiProblem(413, 20001, "The request body is larger than " + limit + " bytes", Map.of());
    }

    static ApiProblem invalidParameter(String message) {
        return new ApiProblem(400, 20001, message, Map.of());
    }

    static ApiProblem internalError() {
        return new ApiProblem(500, 20500, "Internal Server Error", Map.of());
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    TwilioError body() {
        return TwilioError.of(status, code, getMessage());
    }
}
