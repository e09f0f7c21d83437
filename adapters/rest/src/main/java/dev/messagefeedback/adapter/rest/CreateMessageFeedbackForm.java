package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.messagefeedback.domain.Outcome;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form the endpoint accepts: its one parameter, read and checked by {@link CreateMessageFeedbackFormReader}
 * before the operation runs, and its schema in the OpenAPI document.
 *
 * @param outcome the {@code Outcome} as sent, already known to be a valid one; null when omitted
 */
@Schema(name = "CreateMessageFeedbackRequest", title = "CreateMessageFeedbackRequest")
public record CreateMessageFeedbackForm(
        @JsonProperty("Outcome")
        @Schema(name = "Outcome", enumeration = {"confirmed", "unconfirmed"},
                description = "Reported outcome indicating whether there is confirmation that the Message recipient "
                        + "performed a tracked user action. Can be: `unconfirmed` or `confirmed`.")
        String outcome) {

    static final String OUTCOME = "Outcome";

    @JsonIgnore
    Optional<Outcome> requestedOutcome() {
        return outcome == null ? Optional.empty() : Outcome.fromWireName(outcome);
    }
}
