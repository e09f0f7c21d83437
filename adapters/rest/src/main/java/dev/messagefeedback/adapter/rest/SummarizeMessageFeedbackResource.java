package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ReportingPeriod;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /2010-04-01/Accounts/{AccountSid}/Messages/FeedbackSummary.json?StartDate=&EndDate=[&IncludeSubaccounts=true]}:
 * how much feedback an account created per UTC day of a window, how much of it is confirmed, and the
 * confirmation rate. Not part of Twilio's API (its confirmation rates live in its console only); same
 * authentication, tenant rules, errors and JSON conventions. {@code HEAD} answers the same status and
 * headers without the body.
 */
@Path("/2010-04-01/Accounts/{AccountSid: " + AccountSid.PATTERN + "}/Messages/FeedbackSummary.json")
@Tag(name = "Api20100401Feedback")
@RateLimited
public class SummarizeMessageFeedbackResource {

    static final String SUMMARY_METHODS = "GET, HEAD, OPTIONS";

    private static final String SUMMARY = "Summarize the Message Feedback of an Account: counts and confirmation rate";

    private final SummarizeMessageFeedbackUseCase summarizeMessageFeedback;

    SummarizeMessageFeedbackResource(SummarizeMessageFeedbackUseCase summarizeMessageFeedback) {
        this.summarizeMessageFeedback = summarizeMessageFeedback;
    }

    /** Runs on a worker thread: the read is a blocking database call (one short aggregate). */
    @GET
    @PermissionsAllowed(AccountPermission.ACT_ON_ACCOUNT)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SummarizeMessageFeedback", summary = SUMMARY,
            description = SUMMARY + ", over the feedback created in the UTC days from StartDate to EndDate (both "
                    + "included, at most " + ReportingPeriod.MAX_DAYS + " days), with one entry per day. The rate is "
                    + "meaningful when senders create feedback with Outcome=unconfirmed (or no Outcome) as they send "
                    + "a message, and confirm it when the recipient acts." + FeedbackResource.BEYOND_TWILIO_NOTE)
    @Extension(name = FeedbackResource.BEYOND_TWILIO, value = "true", parseValue = true)
    @SecurityRequirement(name = FeedbackResource.SECURITY_SCHEME)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackSummaryJson.class)))
    @APIResponse(responseCode = "400", description = "A date is missing or malformed, EndDate is before StartDate, "
            + "or the window spans more than " + ReportingPeriod.MAX_DAYS + " days (code 20001, the message names the parameter)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TwilioError.class)))
    public RestResponse<FeedbackSummaryJson> summarizeMessageFeedback(
            @RestPath("AccountSid")
            @Parameter(required = true, description = "The SID of the Account whose feedback to summarize.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34,
                            pattern = "^" + AccountSid.PATTERN + "$"))
            AccountSid accountSid,
            @RestQuery(SummaryParameters.START_DATE)
            @Parameter(name = SummaryParameters.START_DATE, required = true,
                    description = "The first UTC day, YYYY-MM-DD.", schema = @Schema(type = SchemaType.STRING, format = "date"))
            List<String> startDate,
            @RestQuery(SummaryParameters.END_DATE)
            @Parameter(name = SummaryParameters.END_DATE, required = true,
                    description = "The last UTC day (included), YYYY-MM-DD.", schema = @Schema(type = SchemaType.STRING, format = "date"))
            List<String> endDate,
            @RestQuery(SummaryParameters.INCLUDE_SUBACCOUNTS)
            @Parameter(name = SummaryParameters.INCLUDE_SUBACCOUNTS,
                    description = "true to include the subaccounts the credentials may act on (a subaccount's own "
                            + "credentials see only itself). Default false.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            List<String> includeSubaccounts) {
        ReportingPeriod period = SummaryParameters.period(startDate, endDate);
        boolean withSubaccounts = SummaryParameters.includeSubaccounts(includeSubaccounts);
        var query = new SummarizeMessageFeedbackQuery(accountSid, period, withSubaccounts);
        return RestResponse.ok(FeedbackSummaryJson.of(summarizeMessageFeedback.summarizeMessageFeedback(query)));
    }

    /**
     * {@code OPTIONS} without CORS: the methods of this path. (A browser's preflight is answered before it
     * gets here, by Quarkus's CORS filter: application.properties.) It carries no credentials, so it is
     * answered to anyone.
     */
    @OPTIONS
    @Operation(hidden = true)
    public RestResponse<Void> options() {
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.NO_CONTENT).header("Allow", SUMMARY_METHODS).build();
    }
}
