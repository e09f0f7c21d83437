package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.RecordedFeedback;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json}. The SID patterns
 * are part of the route, so a malformed SID is an unknown path (404) before any method check (405).
 */
@Path("/2010-04-01/Accounts/{AccountSid: " + AccountSid.PATTERN + "}/Messages/{MessageSid: " + MessageSid.PATTERN
        + "}/Feedback.json")
public class FeedbackResource {

    static final String OUTCOME = "Outcome";

    private final CreateMessageFeedbackUseCase createMessageFeedback;

    FeedbackResource(CreateMessageFeedbackUseCase createMessageFeedback) {
        this.createMessageFeedback = createMessageFeedback;
    }

    /** Content types are checked here rather than by routing, so that each refusal is Twilio's. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<FeedbackJson> createMessageFeedback(
            @RestPath("AccountSid") String accountSid,
            @RestPath("MessageSid") String messageSid,
            @RestHeader("Content-Type") String contentType,
            InputStream body) {
        Optional<Outcome> outcome = requestedOutcome(FormBody.values(contentType, body, OUTCOME));
        var command = new CreateMessageFeedbackCommand(
                new FeedbackKey(new AccountSid(accountSid), new MessageSid(messageSid)), outcome);
        RecordedFeedback recorded = createMessageFeedback.createMessageFeedback(command);
        return RestResponse.status(RestResponse.Status.CREATED, FeedbackJson.of(recorded.feedback()));
    }

    /** Omitted means omitted; given (even empty) must be a known outcome; repeated must agree. */
    static Optional<Outcome> requestedOutcome(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String first = values.get(0);
        if (!values.stream().allMatch(first::equals)) {
            throw ApiProblem.invalidParameter(
                    "Parameter 'Outcome' was given more than once with different values; give one of: confirmed, unconfirmed");
        }
        return Optional.of(Outcome.fromWireName(first).orElseThrow(() -> ApiProblem.invalidParameter(
                "Invalid value for parameter 'Outcome': must be one of confirmed, unconfirmed")));
    }
}
