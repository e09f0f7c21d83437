package dev.messagefeedback.bench.peer;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.regex.Pattern;

/** Create Message Feedback: find the row, insert it or confirm it, answer 201 with Twilio's JSON. */
@Path("/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json")
public class FeedbackResource {

    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");

    @POST
    @Transactional
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("AccountSid") String accountSid, @PathParam("MessageSid") String messageSid,
            @FormParam("Outcome") String outcome) {
        if (!MESSAGE_SID.matcher(messageSid).matches()) {
            return TwilioError.answer(404, 20404, "The requested resource " + FeedbackJson.uri(accountSid, messageSid)
                    + " was not found").build();
        }
        if (outcome == null) {
            outcome = "unconfirmed";
        } else if (!outcome.equals("confirmed") && !outcome.equals("unconfirmed")) {
            return TwilioError.answer(400, 20001,
                    "Invalid value for parameter 'Outcome': must be one of confirmed, unconfirmed").build();
        }
        Instant now = Instant.now();
        MessageFeedback feedback = MessageFeedback.findById(new MessageFeedback.Key(accountSid, messageSid));
        if (feedback == null) {
            feedback = new MessageFeedback();
            feedback.id = new MessageFeedback.Key(accountSid, messageSid);
            feedback.outcome = outcome;
            feedback.dateCreated = now;
            feedback.dateUpdated = now;
            feedback.persist();
        } else if (feedback.outcome.equals("unconfirmed") && outcome.equals("confirmed")) {
            feedback.outcome = "confirmed";
            feedback.dateUpdated = now;
        }
        return Response.status(Response.Status.CREATED).entity(FeedbackJson.of(feedback)).build();
    }
}
