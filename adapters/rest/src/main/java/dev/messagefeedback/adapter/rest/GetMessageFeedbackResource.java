package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.GetMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.GetMessageFeedbackUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json}: the feedback of a
 * message read back, as the POST answered it. Not part of Twilio's API (Twilio has no way to read
 * feedback back); same authentication, tenant rules, errors and JSON. {@code HEAD} answers the same
 * status and headers without the body.
 */
@Path("/2010-04-01/Accounts/{AccountSid: " + AccountSid.PATTERN + "}/Messages/{MessageSid: " + MessageSid.PATTERN
        + "}/Feedback.json")
@Tag(name = "Api20100401Feedback")
public class GetMessageFeedbackResource {

    /** The OpenAPI extension that marks an operation Twilio's API does not have. */
    static final String BEYOND_TWILIO = "x-beyond-twilio";
    static final String BEYOND_TWILIO_NOTE = " An extension of this service: Twilio's API has no such operation.";

    private static final String SUMMARY = "Get the Message Feedback of a Message";

    private final GetMessageFeedbackUseCase getMessageFeedback;
    private final AccountRateLimiter rateLimiter;

    GetMessageFeedbackResource(GetMessageFeedbackUseCase getMessageFeedback, AccountRateLimiter rateLimiter) {
        this.getMessageFeedback = getMessageFeedback;
        this.rateLimiter = rateLimiter;
    }

    /** Runs on a worker thread: the read is a blocking database call. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "GetMessageFeedback", summary = SUMMARY,
            description = SUMMARY + ": exactly what Create Message Feedback answered last; 404 when no feedback "
                    + "exists for the message." + BEYOND_TWILIO_NOTE)
    @Extension(name = BEYOND_TWILIO, value = "true", parseValue = true)
    @SecurityRequirement(name = FeedbackResource.SECURITY_SCHEME)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackJson.class)))
    @APIResponse(responseCode = "404", description = "No feedback exists for the message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TwilioError.class)))
    public RestResponse<FeedbackJson> getMessageFeedback(
            @RestPath("AccountSid")
            @Parameter(required = true, description = "The SID of the Account associated with the Message resource.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34,
                            pattern = "^" + AccountSid.PATTERN + "$"))
            String accountSid,
            @RestPath("MessageSid")
            @Parameter(required = true, description = "The SID of the Message resource whose MessageFeedback to fetch.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34,
                            pattern = "^(SM|MM)[0-9a-fA-F]{32}$"))
            String messageSid,
            @Context @Parameter(hidden = true) RoutingContext routing) {
        if (!accountSid.equals(routing.get(TwilioAuthentication.AUTHORIZED_ACCOUNT))) {
            throw ApiProblem.unauthenticated(); // never read an account the credentials were not checked against
        }
        long retryAfter = rateLimiter.secondsUntilAdmitted(accountSid);
        if (retryAfter > 0) {
            throw ApiProblem.tooManyRequests(retryAfter);
        }
        var query = new GetMessageFeedbackQuery(new FeedbackKey(new AccountSid(accountSid), new MessageSid(messageSid)));
        return getMessageFeedback.getMessageFeedback(query)
                .map(feedback -> RestResponse.ok(FeedbackJson.of(feedback)))
                .orElseThrow(() -> ApiProblem.notFound(routing.request().path()));
    }
}
