package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.InvalidReportingPeriodException;
import dev.messagefeedback.domain.ReportingPeriod;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
 * {@code GET .../Messages/FeedbackSummary.json?StartDate=&EndDate=[&IncludeSubaccounts=true]}: feedback per UTC day
 * and the confirmation rate. Not Twilio's (its rates live in its console); same authentication, errors and JSON
 * conventions. Each refusal of a parameter is a 400 naming it; one given twice must repeat the same value.
 */
@Path("/2010-04-01/Accounts/{AccountSid: " + AccountSid.PATTERN + "}/Messages/FeedbackSummary.json")
@Tag(name = "Api20100401Feedback")
@RateLimited
public class SummarizeMessageFeedbackResource {

    static final String SUMMARY_METHODS = "GET, HEAD, OPTIONS";
    static final String START_DATE = "StartDate";
    static final String END_DATE = "EndDate";
    static final String INCLUDE_SUBACCOUNTS = "IncludeSubaccounts";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
                    schema = @Schema(type = SchemaType.STRING, minLength = 34, maxLength = 34, pattern = FeedbackResource.ACCOUNT_SID))
            AccountSid accountSid,
            @RestQuery(START_DATE)
            @Parameter(name = START_DATE, required = true,
                    description = "The first UTC day, YYYY-MM-DD.", schema = @Schema(type = SchemaType.STRING, format = "date"))
            List<String> startDate,
            @RestQuery(END_DATE)
            @Parameter(name = END_DATE, required = true,
                    description = "The last UTC day (included), YYYY-MM-DD.", schema = @Schema(type = SchemaType.STRING, format = "date"))
            List<String> endDate,
            @RestQuery(INCLUDE_SUBACCOUNTS)
            @Parameter(name = INCLUDE_SUBACCOUNTS,
                    description = "true to include the subaccounts the credentials may act on (a subaccount's own "
                            + "credentials see only itself). Default false.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            List<String> includeSubaccounts) {
        var query = new SummarizeMessageFeedbackQuery(accountSid, period(startDate, endDate), includeSubaccounts(includeSubaccounts));
        return RestResponse.ok(FeedbackSummaryJson.of(summarizeMessageFeedback.summarizeMessageFeedback(query)));
    }

    @OPTIONS
    @Operation(hidden = true)
    public RestResponse<Void> options() {
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.NO_CONTENT).header("Allow", SUMMARY_METHODS).build();
    }

    static ReportingPeriod period(List<String> startDate, List<String> endDate) {
        LocalDate start = date(START_DATE, startDate);
        LocalDate end = date(END_DATE, endDate);
        try {
            return new ReportingPeriod(start, end);
        } catch (InvalidReportingPeriodException e) {
            throw ApiProblem.invalidParameter(switch (e.reason()) {
                case REVERSED -> "Invalid value for parameter 'EndDate': " + end + " is before StartDate " + start;
                case TOO_LONG -> "Invalid value for parameter 'EndDate': the window from StartDate to EndDate may span at most "
                        + ReportingPeriod.MAX_DAYS + " days";
            });
        }
    }

    static boolean includeSubaccounts(List<String> values) {
        String value = ApiProblem.singleValue(INCLUDE_SUBACCOUNTS, values, "");
        return switch (value == null ? "false" : value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalidParameter(
                    "Invalid value for parameter '" + INCLUDE_SUBACCOUNTS + "': must be true or false");
        };
    }

    private static LocalDate date(String name, List<String> values) {
        String value = ApiProblem.singleValue(name, values, "");
        if (value == null || value.isEmpty()) {
            throw ApiProblem.invalidParameter("Missing required parameter '" + name + "': give a UTC day as YYYY-MM-DD");
        }
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException notADay) {
                // falls through: 2026-02-30 has the shape of a date but is none
            }
        }
        throw ApiProblem.invalidParameter("Invalid value for parameter '" + name + "': must be a date as YYYY-MM-DD");
    }
}
