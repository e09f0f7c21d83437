package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.application.port.in.GetMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.GetMessageFeedbackUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json}. The SID patterns are part of the
 * route, so a malformed SID is an unknown path (404) before any method check (405).
 */
@Path("/2010-04-01/Accounts/{AccountSid: " + AccountSid.PATTERN + "}/Messages/{MessageSid: " + MessageSid.PATTERN
        + "}/Feedback.json")
@Tag(name = "Api20100401Feedback")
@SecurityScheme(securitySchemeName = FeedbackResource.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "basic")
@RateLimited
public class FeedbackResource {

    /** The {@code Allow} of this path's 405 and {@code OPTIONS}. */
    static final String METHODS = "GET, HEAD, POST, OPTIONS";

    /** The OpenAPI extension that marks an operation Twilio's API does not have. */
    static final String BEYOND_TWILIO = "x-beyond-twilio";
    static final String BEYOND_TWILIO_NOTE = " An extension of this service: Twilio's API has no such operation.";

    static final String SECURITY_SCHEME = "accountSid_authToken";
    /** The SID patterns as Twilio's OpenAPI document writes them. */
    static final String ACCOUNT_SID = "^" + AccountSid.PATTERN + "$";
    static final String MESSAGE_SID = "^(SM|MM)[0-9a-fA-F]{32}$";
    private static final String SUMMARY = "Create Message Feedback to confirm a tracked user action was performed by "
            + "the recipient of the associated Message";

    private final CreateMessageFeedbackUseCase createMessageFeedback;
    private final GetMessageFeedbackUseCase getMessageFeedback;
    /** {@code feedback_writes_total{outcome, transition}} by ordinals: six series at most, whatever SIDs arrive. */
    private final Counter[][] writes = new Counter[Outcome.values().length][Transition.values().length];

    FeedbackResource(CreateMessageFeedbackUseCase createMessageFeedback, GetMessageFeedbackUseCase getMessageFeedback,
            MeterRegistry registry) {
        this.createMessageFeedback = createMessageFeedback;
        this.getMessageFeedback = getMessageFeedback;
        for (Outcome outcome : Outcome.values()) {
            for (Transition transition : Transition.values()) {
                writes[outcome.ordinal()][transition.ordinal()] = Counter.builder("feedback.writes")
                        .description("Create Message Feedback requests answered 201, by stored outcome and transition")
                        .tag("outcome", outcome.wireName()).tag("transition", transition.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
    }

    /**
     * Any content type is routed here, so that each refusal is Twilio's. Runs on the event loop: everything up
     * to the write is computation, and the use case's stage completes once the change is committed.
     */
    @POST
    @PermissionsAllowed(AccountPermission.ACT_ON_ACCOUNT)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateMessageFeedback", summary = SUMMARY, description = SUMMARY)
    @SecurityRequirement(name = SECURITY_SCHEME)
    @RequestBody(content = {
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = CreateMessageFeedbackForm.class)),
        @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = CreateMessageFeedbackForm.class))})
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackJson.class)))
    public CompletionStage<RestResponse<String>> createMessageFeedback(
            @RestPath("AccountSid")
            @Parameter(required = true, description = "The SID of the Account associated with the Message resource.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34, pattern = ACCOUNT_SID))
            AccountSid accountSid,
            @RestPath("MessageSid")
            @Parameter(required = true, description = "The SID of the Message resource for which to create MessageFeedback.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34, pattern = MESSAGE_SID))
            MessageSid messageSid,
            @Parameter(hidden = true) CreateMessageFeedbackForm form) {
        var outcome = Optional.ofNullable(form.outcome()).flatMap(Outcome::fromWireName);
        var command = new CreateMessageFeedbackCommand(new FeedbackKey(accountSid, messageSid), outcome);
        return createMessageFeedback.createMessageFeedback(command).thenApply(recorded -> {
            writes[recorded.feedback().outcome().ordinal()][recorded.transition().ordinal()].increment();
            return RestResponse.status(RestResponse.Status.CREATED, FeedbackJson.of(recorded.feedback()).json());
        });
    }

    /** Runs on a worker thread: the read is a blocking database call. */
    @GET
    @PermissionsAllowed(AccountPermission.ACT_ON_ACCOUNT)
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
    public RestResponse<String> getMessageFeedback(
            @RestPath("AccountSid")
            @Parameter(required = true, description = "The SID of the Account associated with the Message resource.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34, pattern = ACCOUNT_SID))
            AccountSid accountSid,
            @RestPath("MessageSid")
            @Parameter(required = true, description = "The SID of the Message resource whose MessageFeedback to fetch.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34, pattern = MESSAGE_SID))
            MessageSid messageSid) {
        var query = new GetMessageFeedbackQuery(new FeedbackKey(accountSid, messageSid));
        return getMessageFeedback.getMessageFeedback(query)
                .map(feedback -> RestResponse.ok(FeedbackJson.of(feedback).json()))
                // The path as requested: dotted variants never get here (AccountPermission).
                .orElseThrow(() -> ApiProblem.notFound(FeedbackJson.uri(accountSid.value(), messageSid.value())));
    }

    /** {@code OPTIONS} without CORS (Quarkus answers a preflight), to anyone: it carries no credentials. Same on the summary. */
    @OPTIONS
    @Operation(hidden = true)
    public RestResponse<Void> options() {
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.NO_CONTENT).header("Allow", METHODS).build();
    }
}
