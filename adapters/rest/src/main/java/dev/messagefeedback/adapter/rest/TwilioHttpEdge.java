package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.MessageSid;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What every request passes, whatever path it names: a {@code Twilio-Request-Id} (also in the log's
 * context), JSON answers whatever the {@code Accept}, and Twilio's error body where no resource answered
 * or the HTTP layer itself failed.
 */
@ApplicationScoped
class TwilioHttpEdge {

    static final String REQUEST_ID_HEADER = "Twilio-Request-Id";
    static final String REQUEST_ID = "requestId";
    /** The routing-context key of a feedback POST's body ({@code byte[]}), read by {@link #collectFeedbackBody}. */
    static final String BODY = "feedback.body";

    static final Pattern FEEDBACK_PATH = Pattern.compile(
            "/2010-04-01/Accounts/" + AccountSid.PATTERN + "/Messages/" + MessageSid.PATTERN + "/Feedback\\.json");

    private static final Logger LOG = Logger.getLogger(TwilioHttpEdge.class);
    private static final String OPERATIONS_PREFIX = "/q/";

    /**
     * The most a request body may carry before it is refused unread. The feedback endpoint refuses more
     * than 64 KiB itself, after its path, method and content type checks; this cap, enforced here for
     * declared lengths and chunked bodies alike, only bounds what is read to get there.
     */
    static final int BODY_HARD_CAP = 1024 * 1024;

    /** Far above any Twilio client's headers; larger ones are refused with Twilio's 400 before anything else. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Right after the request id is assigned: nothing is decided before authentication. */
    static final int AUTHENTICATION_ORDER = Integer.MIN_VALUE + 1;

    /** Just before Quarkus's own upload limit (order -2), whose 413 has no body. */
    private static final int BODY_LIMIT_ORDER = -3;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::identify);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().order(BODY_LIMIT_ORDER).handler(this::refuseDeclaredOversizedBody);
        router.route().order(BODY_LIMIT_ORDER).handler(this::collectFeedbackBody);
        router.route().last().handler(context -> answer(context, ApiProblem.notFound(context.request().path())));
    }

    private void identify(RoutingContext context) {
        String requestId = newRequestId();
        context.put(REQUEST_ID, requestId);
        context.response().putHeader(REQUEST_ID_HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        String path = context.normalizedPath();
        if (isOperationsPath(path)) {
            context.next();
            return;
        }
        // CORS as Twilio's document lists it, on every answer of the API, errors included.
        String allowed = SummarizeMessageFeedbackResource.allowedMethods(path);
        context.response()
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Methods", allowed != null ? allowed : TwilioErrorMappers.FEEDBACK_METHODS)
                .putHeader("Access-Control-Allow-Headers", "Content-Type, Authorization")
                .putHeader("Access-Control-Expose-Headers", REQUEST_ID_HEADER);
        if (context.request().method() == HttpMethod.OPTIONS && allowed != null
                && path.equals(context.request().path())) {
            // A browser's preflight carries no credentials: answer it before authentication.
            context.response().setStatusCode(204).putHeader("Allow", allowed).end();
            return;
        }
        if (headerBytes(context) > MAX_HEADER_BYTES) {
            answer(context, ApiProblem.invalidParameter("The request headers are larger than " + MAX_HEADER_BYTES + " bytes"));
            return;
        }
        // Twilio answers JSON whatever the client accepts; a browser's Accept must not turn it into a 406.
        context.request().headers().set(HttpHeaders.ACCEPT, "application/json");
        context.next();
    }

    private static int headerBytes(RoutingContext context) {
        int total = 0;
        for (var header : context.request().headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && !isOperationsPath(context.normalizedPath()) && exceedsCap(declaredLength)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, ApiProblem.bodyTooLarge(FormBody.MAX_BYTES));
        } else {
            context.next();
        }
    }

    /**
     * Reads a feedback POST's body on the event loop, so that the endpoint need not block a thread to
     * read it, and never more than {@link FormBody#MAX_BYTES} + 1 bytes of it: past that, reading stops,
     * the endpoint gets what was read (and answers 415 or 413, in that order, as Twilio does), and the
     * connection closes after the answer.
     */
    private void collectFeedbackBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.POST || !FEEDBACK_PATH.matcher(context.normalizedPath()).matches()) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] handedOver = {false};
        request.handler(chunk -> {
            if (handedOver[0]) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > FormBody.MAX_BYTES) {
                handedOver[0] = true;
                request.pause();
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                context.addEndHandler(answered -> request.connection().close());
                context.put(BODY, body.getBytes(0, FormBody.MAX_BYTES + 1));
                context.next();
            }
        });
        request.endHandler(end -> {
            if (!handedOver[0]) {
                handedOver[0] = true;
                context.put(BODY, body.getBytes());
                context.next();
            }
        });
        if (request.version() == HttpVersion.HTTP_1_1
                && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue(); // authenticated: the client may send its body now
        }
        request.resume();
    }

    private static boolean exceedsCap(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > BODY_HARD_CAP;
        } catch (NumberFormatException notANumber) {
            return false; // the HTTP codec refuses a malformed length before any route runs
        }
    }

    static boolean isOperationsPath(String path) {
        return path != null && path.startsWith(OPERATIONS_PREFIX);
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        ApiProblem problem;
        if (status == 413) {
            problem = ApiProblem.bodyTooLarge(FormBody.MAX_BYTES);
        } else if (status == 404) {
            problem = ApiProblem.notFound(context.request().path());
        } else if (status == 405) {
            problem = ApiProblem.methodNotAllowed(TwilioErrorMappers.FEEDBACK_METHODS);
        } else if (status >= 400 && status < 500) {
            problem = ApiProblem.invalidParameter("The request could not be read");
        } else {
            LOG.error("Unexpected failure in the HTTP layer", context.failure());
            problem = ApiProblem.internalError();
        }
        answer(context, problem);
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
}
