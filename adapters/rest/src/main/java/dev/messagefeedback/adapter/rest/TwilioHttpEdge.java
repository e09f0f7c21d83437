package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API port's own handling, where Quarkus has no setting for it: a {@code Twilio-Request-Id} (also the log's
 * {@code requestId}), JSON whatever the {@code Accept}, an unknown {@code Transfer-Encoding} refused, a time limit for
 * the request to arrive whole, Twilio's 413, and Twilio's error body for every failure ({@link ApiProblem#of}).
 */
@ApplicationScoped
class TwilioHttpEdge {

    /** After authentication (Quarkus Security: orders -200, -100), before Quarkus's body limit (-2), whose 413 has no body. */
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
        router.route().order(BODY_LIMIT_ORDER).handler(this::limitBody);
        // /insights as people type it is the page's directory (static files; their headers and permit policy are
        // application.properties'). A relative redirect holds behind a proxy that mounts the service under a prefix.
        router.route("/insights").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> {
            if ("/insights".equals(context.request().path())) { // the route also matches "/insights/"
                context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, "insights/").end();
            } else {
                context.next();
            }
        });
        router.route().last().handler(context -> ApiProblem.notFound(context.request().path()).answer(context.response()));
    }

    private void identify(RoutingContext context) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String requestId = "RQ" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        context.response().putHeader("Twilio-Request-Id", requestId);
        MDC.put("requestId", requestId);
        HttpServerRequest request = context.request();
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && !"chunked".equalsIgnoreCase(transferEncoding.trim())) {
            // A framing this server does not speak: reading on as if there were no body would let a proxy
            // in front and this server disagree on where the next request starts.
            answerAndClose(context, ApiProblem.invalidParameter(
                    "Transfer-Encoding " + ApiProblem.printable(transferEncoding, " -~", 40) + " is not supported"));
            return;
        }
        limitRequestTime(context);
        // Twilio answers JSON whatever the client accepts; a browser's Accept must not turn it into a 406.
        request.headers().set(HttpHeaders.ACCEPT, "application/json");
        context.next();
    }

    /**
     * A request must arrive whole within the time limit of its head's arrival: a body trickled a byte at a time (the
     * idle timeout never fires on it) is answered 400 and its connection closed, instead of holding them for minutes.
     */
    private void limitRequestTime(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(requestTimeLimitMillis, fired -> {
            if (!request.isEnded() && !context.response().ended()) {
                if (context.response().headWritten()) {
                    request.connection().close();
                } else {
                    answerAndClose(context, ApiProblem.invalidParameter(
                            "The request did not arrive whole within " + requestTimeLimitMillis / 1000 + " seconds"));
                }
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    /**
     * Twilio's 413 for a body over {@code quarkus.http.limits.max-body-size}: a declared one before a byte of it is
     * read; one of unknown length (chunked, HTTP/2) as it arrives. Such a body is collected here and handed to
     * JAX-RS by {@link #useCollectedBody}, so that nothing reads the request twice (HTTP/2 refuses that).
     */
    @SuppressWarnings("deprecation") // setBody: where useCollectedBody finds the body
    private void limitBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && exceedsLimit(declaredLength)) {
            answerAndClose(context, ApiProblem.bodyTooLarge(maxBodyBytes));
            return;
        }
        if (request.isEnded() || declaredLength != null) {
            context.next(); // a declared body is read by Quarkus REST as it is
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] decided = {false};
        request.handler(chunk -> {
            if (!decided[0] && body.appendBuffer(chunk).length() > maxBodyBytes) {
                decided[0] = true;
                request.pause();
                context.addEndHandler(answered -> request.connection().close());
                answerAndClose(context, ApiProblem.bodyTooLarge(maxBodyBytes));
            }
        });
        request.endHandler(end -> {
            if (!decided[0]) {
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

    @ServerRequestFilter(preMatching = true)
    void useCollectedBody(RoutingContext routing, ContainerRequestContext request) {
        Buffer body = routing.body().buffer();
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }

    /** Failures inside JAX-RS: the exact types listed win over the mappers Quarkus REST and Security bring for them. */
    @ServerExceptionMapper({Throwable.class, ApiProblem.class, StoreUnavailableException.class, WebApplicationException.class,
        NotFoundException.class, NotAllowedException.class, NotSupportedException.class, AuthenticationFailedException.class,
        UnauthorizedException.class, ForbiddenException.class})
    RestResponse<String> twilioError(Throwable failure, HttpServerRequest request) {
        int status = failure instanceof WebApplicationException http ? http.getResponse().getStatus() : 0;
        return ApiProblem.of(failure, status, request.path(), maxBodyBytes).response();
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        ApiProblem problem = ApiProblem.of(context.failure(), context.statusCode(), context.request().path(), maxBodyBytes);
        if (problem.status() == 413) {
            answerAndClose(context, problem);
        } else {
            problem.answer(context.response());
        }
    }

    private static void answerAndClose(RoutingContext context, ApiProblem problem) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problem.answer(context.response());
    }
}
