package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form the endpoint accepts, for the OpenAPI document only: the body itself is read by
 * {@link FormBody}, which is stricter than any binding would be.
 */
@Schema(name = "CreateMessageFeedbackRequest", title = "CreateMessageFeedbackRequest")
public record CreateMessageFeedbackForm(
        @JsonProperty("Outcome")
        @Schema(name = "Outcome", enumeration = {"confirmed", "unconfirmed"},
                description = "Reported outcome indicating whether there is confirmation that the Message recipient "
                        + "performed a tracked user action. Can be: `unconfirmed` or `confirmed`.")
        String outcome) {
}
