package dev.messagefeedback.adapter.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * What every request on the API port passes before anything decides about it, whatever path it names,
 * and what Quarkus does not do itself: a {@code Twilio-Request-Id} (also in the log's context), JSON
 * answers whatever the {@code Accept}, an unknown {@code Transfer-Encoding} refused, a time limit for
 * the request to arrive whole, a body of unknown length bounded as it arrives, and Twilio's error body
 * wherever no resource answered or the HTTP layer itself failed. The limits on headers and declared
 * bodies, CORS and HTTP Basic are Quarkus's (application.properties, {@link TwilioBasicAuthentication}).
 */
@ApplicationScoped
class TwilioHttpEdge {

    static final String REQUEST_ID_HEADER = "Twilio-Request-Id";
    /** The log context's key (the log format's {@code %X{requestId}}). */
    static final String REQUEST_ID = "requestId";

    /**
     * After authentication (Quarkus Security's handlers run at orders -200 and -100) and just before
     * Quarkus's own body limit (order -2), whose 413 has no body.
     */
    private static final int BODY_LIMIT_ORDER = -3;

    private final long maxBodyBytes;
    private final long requestTimeLimitMillis;

    TwilioHttpEdge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, RestSettings settings) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.requestTimeLimitMillis = settings.requestTimeLimit().toMillis();
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
        context.response().putHeader(REQUEST_ID_HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        HttpServerRequest request = context.request();
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
        ApiProblem problem = ApiProblem.of(context.failure(), context.statusCode(), context.request().path(), maxBodyBytes);
        if (problem.status() == 413) {
            closeAfterAnswer(context);
        }
        answer(context, problem);
    }

    private static void closeAfterAnswer(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
    }

    private static void answer(RoutingContext context, ApiProblem problem) {
        problem.answer(context.response());
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
