package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authentication before anything else (SPEC §3): every path but the operations endpoints under
 * {@code /q/} needs credentials that may act on the account the path names, or the answer is 401 and
 * the caller learns nothing about paths, methods or records.
 *
 * <p>Decided on the event loop from cached credentials in the steady state; a cache miss goes to a
 * worker thread for the lookup.
 */
@ApplicationScoped
class TwilioAuthentication {

    private static final Logger LOG = Logger.getLogger(TwilioAuthentication.class);

    /**
     * Where the account this request was authorised to act on is kept for the resource, which refuses to
     * act on any other: whatever the edge and JAX-RS make of an odd path, they must agree on the account.
     */
    static final String AUTHORIZED_ACCOUNT = "feedback.authorizedAccount";
    private static final String ACCOUNTS_PREFIX = "/2010-04-01/Accounts/";

    private final AuthorizeCallerUseCase authorizeCaller;
    private final DatabaseFailures databaseFailures;

    TwilioAuthentication(AuthorizeCallerUseCase authorizeCaller, DatabaseFailures databaseFailures) {
        this.authorizeCaller = authorizeCaller;
        this.databaseFailures = databaseFailures;
    }

    void install(@Observes Router router) {
        router.route().order(TwilioHttpEdge.AUTHENTICATION_ORDER).handler(this::authenticate);
    }

    private void authenticate(RoutingContext context) {
        // Every decision is made on the path the router will route (dot segments resolved, %2e decoded):
        // deciding on the raw path let "/q/../2010-04-01/..." skip authentication, and
        // "/Accounts/{mine}/../{theirs}/..." act on another account.
        String path = context.normalizedPath();
        if (TwilioHttpEdge.isOperationsPath(path)) {
            context.next();
            return;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            TwilioHttpEdge.answer(context, ApiProblem.unauthenticated());
            return;
        }
        Optional<AccountSid> target = targetAccount(path);
        target.ifPresent(account -> context.put(AUTHORIZED_ACCOUNT, account.value()));
        var command = new AuthorizeCallerCommand(credentials.get().username(), credentials.get().secret(), target);
        Optional<AccessDecision> cached = authorizeCaller.authorizeFromCache(command);
        if (cached.isPresent()) {
            proceed(context, cached.get());
            return;
        }
        context.vertx().executeBlocking(() -> authorizeCaller.authorize(command), false).onComplete(decision -> {
            if (decision.succeeded()) {
                proceed(context, decision.result());
            } else if (databaseFailures.isUnavailable(decision.cause())) {
                LOG.warn("Credentials could not be looked up: the database is unavailable");
                TwilioHttpEdge.answer(context, ApiProblem.serviceUnavailable(DatabaseFailures.RETRY_AFTER_SECONDS));
            } else {
                LOG.error("Credentials could not be looked up", decision.cause());
                TwilioHttpEdge.answer(context, ApiProblem.internalError());
            }
        });
    }

    private static void proceed(RoutingContext context, AccessDecision decision) {
        if (decision == AccessDecision.GRANTED && !context.normalizedPath().equals(context.request().path())) {
            // Twilio's paths have no dot segments, empty segments or encoded dots: such a path names nothing.
            TwilioHttpEdge.answer(context, ApiProblem.notFound(context.request().path()));
        } else if (decision == AccessDecision.GRANTED && context.request().method() == HttpMethod.OPTIONS) {
            // The feedback path's OPTIONS was answered before authentication; any other path is unknown.
            // (Left to JAX-RS, a path below a resource would get its automatic, empty OPTIONS answer.)
            TwilioHttpEdge.answer(context, ApiProblem.notFound(context.request().path()));
        } else if (decision == AccessDecision.GRANTED) {
            context.next();
        } else {
            TwilioHttpEdge.answer(context, ApiProblem.unauthenticated());
        }
    }

    /** The account a path names, when it names a well-formed one: {@code /2010-04-01/Accounts/{sid}[.json][/...]}. */
    static Optional<AccountSid> targetAccount(String path) {
        if (path == null || !path.startsWith(ACCOUNTS_PREFIX)) {
            return Optional.empty();
        }
        int end = path.indexOf('/', ACCOUNTS_PREFIX.length());
        String segment = path.substring(ACCOUNTS_PREFIX.length(), end < 0 ? path.length() : end);
        if (segment.endsWith(".json")) {
            segment = segment.substring(0, segment.length() - ".json".length());
        }
        return AccountSid.isWellFormed(segment) ? Optional.of(new AccountSid(segment)) : Optional.empty();
    }
}
