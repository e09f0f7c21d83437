package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An error answer of the API (docs/errors.md), raised anywhere in this adapter. {@link #of} is the one table from a
 * failure to Twilio's answer, {@link TwilioError#toJson()} the one rendering of its body, for the JAX-RS mapper and
 * the Vert.x failure handler alike ({@link TwilioHttpEdge}). No stack trace: these are answers, not faults.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiProblem.class);

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

    /** Retry after 5 s: a stalled database mostly recovers in seconds. */
    static ApiProblem serviceUnavailable() {
        return new ApiProblem(503, 20503, "Service unavailable", Map.of("Retry-After", "5"));
    }

    static ApiProblem notFound(String path) {
        return new ApiProblem(404, 20404, "The requested resource " + path + " was not found", Map.of());
    }

    static ApiProblem unsupportedMediaType(String why) {
        return new ApiProblem(415, 20001, why + ": the body must be application/x-www-form-urlencoded or multipart/form-data", Map.of());
    }

    static ApiProblem bodyTooLarge(long limit) {
        return new ApiProblem(413, 20001, "The request body is larger than " + limit + " bytes", Map.of());
    }

    static ApiProblem invalidParameter(String message) {
        return new ApiProblem(400, 20001, message, Map.of());
    }

    /**
     * Twilio's answer to a failure, wherever raised: ours as it is; a store that could not be asked, 503; refused
     * credentials, 401; else by the HTTP status the framework chose (0 if none), anything unexpected a 500 whose
     * details stay in the log under the request id.
     */
    static ApiProblem of(Throwable failure, int status, String path, long maxBodyBytes) {
        if (failure instanceof ApiProblem problem) {
            return problem;
        }
        StoreUnavailableException unavailable = unavailableStoreOf(failure);
        if (unavailable != null) {
            LOG.warnf("The database is unavailable: %s", unavailable.getMessage());
            return serviceUnavailable();
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException || status == 401 || status == 403) {
            return unauthenticated(); // wrong credentials, or credentials that may not act on the path's account
        }
        return switch (status) {
            case 404 -> notFound(path);
            case 405 -> new ApiProblem(405, 20004, "Method not allowed", Map.of("Allow", path.endsWith("/FeedbackSummary.json")
                    ? SummarizeMessageFeedbackResource.SUMMARY_METHODS : FeedbackResource.METHODS));
            case 413 -> bodyTooLarge(maxBodyBytes);
            case 415 -> unsupportedMediaType("The Content-Type is not supported");
            case 503 -> serviceUnavailable(); // Quarkus refusing requests while it shuts down
            default -> {
                if (status >= 400 && status < 500) {
                    yield invalidParameter("The request could not be read");
                }
                LOG.error("Unexpected failure while serving the request", failure);
                yield new ApiProblem(500, 20500, "Internal Server Error", Map.of());
            }
        };
    }

    /** The store that could not be asked, when it is the failure or its cause (a framework may wrap it); else null. */
    static StoreUnavailableException unavailableStoreOf(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** A parameter's one value, null when absent: given more than once, it must repeat the same value ({@code hint}: what to give). */
    static String singleValue(String name, List<String> values, String hint) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        if (!values.stream().allMatch(first::equals)) {
            throw invalidParameter("Parameter '" + name + "' was given more than once with different values" + hint);
        }
        return first;
    }

    /** Client input for an error message: characters outside {@code kept} (a regex class) as {@code ?}, at most {@code max}. */
    static String printable(String value, String kept, int max) {
        String shown = value.replaceAll("[^" + kept + "]", "?");
        return shown.length() > max ? shown.substring(0, max) + "..." : shown;
    }

    int status() {
        return status;
    }

    TwilioError body() {
        return TwilioError.of(status, code, getMessage());
    }

    RestResponse<String> response() {
        var response = RestResponse.ResponseBuilder.<String>create(status).type("application/json").entity(body().toJson());
        headers.forEach(response::header);
        return response.build();
    }

    void answer(HttpServerResponse response) {
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body().toJson());
    }
}
