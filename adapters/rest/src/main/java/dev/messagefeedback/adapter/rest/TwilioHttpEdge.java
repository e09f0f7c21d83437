package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What every request on the API port passes before anything decides about it, whatever path it names:
 * a {@code Twilio-Request-Id} (also in the log's context), CORS headers, JSON answers whatever the
 * {@code Accept}, the request's framing refused when it is hostile (headers too large, an unknown
 * {@code Transfer-Encoding}, a declared body over the limit, a request that does not arrive whole in
 * time), and Twilio's error body wherever no resource answered or the HTTP layer itself failed.
 * Authentication comes right after this (Quarkus Security, {@link TwilioBasicAuthentication}), then
 * the resources.
 */
@ApplicationScoped
class TwilioHttpEdge {

    static final String REQUEST_ID_HEADER = "Twilio-Request-Id";
    static final String REQUEST_ID = "requestId";

    private static final Logger LOG = Logger.getLogger(TwilioHttpEdge.class);

    /** Far above any Twilio client's headers; larger ones are refused with Twilio's 400 before anything else. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * After authentication (Quarkus Security's handlers run at orders -200 and -100) and just before
     * Quarkus's own body limit (order -2), whose 413 has no body.
     */
    private static final int BODY_LIMIT_ORDER = -3;

    private final long maxBodyBytes;
    private final long requestTimeLimitMillis;

    TwilioHttpEdge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "feedback.http.request-time-limit", defaultValue = "10s") Duration requestTimeLimit) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.requestTimeLimitMillis = requestTimeLimit.toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::identify);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().order(BODY_LIMIT_ORDER).handler(this::refuseDeclaredOversizedBody);
        router.route().order(BODY_LIMIT_ORDER).handler(this::collectBodyOfUnknownLength);
        router.route().last().handler(context -> answer(context, ApiProblem.notFound(context.request().path())));
    }

    private void identify(RoutingContext context) {
        String requestId = newRequestId();
        context.put(REQUEST_ID, requestId);
        context.response().putHeader(REQUEST_ID_HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        // CORS as Twilio's document lists it, on every answer of the API, errors included.
        context.response()
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Methods", FeedbackResource.METHODS)
                .putHeader("Access-Control-Allow-Headers", "Content-Type, Authorization")
                .putHeader("Access-Control-Expose-Headers", REQUEST_ID_HEADER);
        HttpServerRequest request = context.request();
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            answer(context, ApiProblem.invalidParameter("The request headers are larger than " + MAX_HEADER_BYTES + " bytes"));
            return;
        }
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && !"chunked".equalsIgnoreCase(transferEncoding.trim())) {
            // A framing this server does not speak: reading on as if there were no body would let a proxy
            // in front and this server disagree on where the next request starts.
            closeAfterAnswer(context);
            answer(context, ApiProblem.invalidParameter("Transfer-Encoding " + printable(transferEncoding) + " is not supported"));
            return;
        }
        limitRequestTime(context);
        // Twilio answers JSON whatever the client accepts; a browser's Accept must not turn it into a 406.
        request.headers().set(HttpHeaders.ACCEPT, "application/json");
        context.next();
    }

    /**
     * A request must arrive whole (its body included) within the time limit of its head's arrival: a
     * body trickled a byte at a time is answered 400 and its connection closed, instead of holding a
     * connection and its buffers for minutes. What happens after the request arrived (the write and its
     * own deadline) is not limited here.
     */
    private void limitRequestTime(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(requestTimeLimitMillis, fired -> {
            if (!request.isEnded() && !context.response().ended()) {
                closeAfterAnswer(context);
                if (context.response().headWritten()) {
                    request.connection().close();
                } else {
                    answer(context, ApiProblem.invalidParameter(
                            "The request did not arrive whole within " + requestTimeLimitMillis / 1000 + " seconds"));
                }
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private static int headerBytes(HttpServerRequest request) {
        int total = 0;
        for (var header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    /** A declared body over the limit is refused before a byte of it is read (a chunked one, by Quarkus REST as it reads). */
    private void refuseDeclaredOversizedBody(RoutingContext context) {
        String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && exceedsLimit(declaredLength)) {
            closeAfterAnswer(context);
            answer(context, ApiProblem.bodyTooLarge(maxBodyBytes));
        } else {
            context.next();
        }
    }

    /**
     * A body whose length is not declared (chunked, or HTTP/2 without {@code content-length}) is read
     * here, never more than the limit: past it, Twilio's 413 and the connection closed. A whole one is
     * handed to JAX-RS as the request's entity ({@link CollectedBody}). Declared bodies are left to Quarkus
     * REST, which reads them as they are (they were checked against the limit above).
     */
    @SuppressWarnings("deprecation") // setBody: the routing context's body, where CollectedBody picks it up
    private void collectBodyOfUnknownLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded() || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] decided = {false};
        request.handler(chunk -> {
            if (decided[0]) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > maxBodyBytes) {
                decided[0] = true;
                request.pause();
                closeAfterAnswer(context);
                context.addEndHandler(answered -> request.connection().close());
                answer(context, ApiProblem.bodyTooLarge(maxBodyBytes));
            }
        });
        request.endHandler(end -> {
            if (!decided[0]) {
                decided[0] = true;
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private boolean exceedsLimit(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException notANumber) {
            return false; // the HTTP codec refuses a malformed length before any route runs
        }
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        StoreUnavailableException unavailable = OnContext.unavailableStoreOf(context.failure());
        int status = context.statusCode();
        ApiProblem problem;
        if (unavailable != null) {
            LOG.warnf("The database is unavailable: %s", unavailable.getMessage());
            problem = ApiProblem.serviceUnavailable();
        } else if (status == 503) {
            problem = ApiProblem.serviceUnavailable(); // Quarkus refusing requests while it shuts down
        } else if (context.failure() instanceof AuthenticationFailedException
                || context.failure() instanceof UnauthorizedException || context.failure() instanceof ForbiddenException
                || status == 401 || status == 403) {
            problem = ApiProblem.unauthenticated();
        } else if (status == 413) {
            closeAfterAnswer(context);
            problem = ApiProblem.bodyTooLarge(maxBodyBytes);
        } else if (status == 404) {
            problem = ApiProblem.notFound(context.request().path());
        } else if (status == 405) {
            problem = ApiProblem.methodNotAllowed(FeedbackResource.METHODS);
        } else if (status >= 400 && status < 500) {
            problem = ApiProblem.invalidParameter("The request could not be read");
        } else {
            LOG.error("Unexpected failure in the HTTP layer", context.failure());
            problem = ApiProblem.internalError();
        }
        answer(context, problem);
    }

    private static void closeAfterAnswer(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
    }

    /** Twilio's error, written directly on the HTTP response: for answers given before or outside JAX-RS. */
    static void answer(RoutingContext context, ApiProblem problem) {
        String body = problem.body().toJson();
        var response = context.response().setStatusCode(problem.status());
        problem.headers().forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "RQ" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    /** A header value for an error message: printable ASCII only, at most 40 characters. */
    private static String printable(String value) {
        String kept = value.replaceAll("[^ -~]", "?");
        return kept.length() > 40 ? kept.substring(0, 40) + "..." : kept;
    }
}
