package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.messagefeedback.domain.Outcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/** The form Create Message Feedback accepts, read by {@link Reader}: a valid {@code Outcome}, or null when omitted. */
@Schema(name = "CreateMessageFeedbackRequest", title = "CreateMessageFeedbackRequest")
public record CreateMessageFeedbackForm(
        @JsonProperty("Outcome")
        @Schema(name = "Outcome", enumeration = {"confirmed", "unconfirmed"},
                description = "Reported outcome indicating whether there is confirmation that the Message recipient "
                        + "performed a tracked user action. Can be: `unconfirmed` or `confirmed`.")
        String outcome) {

    /** Omitted means omitted (null); given (even empty) must be a known outcome; repeated must agree. */
    static String requestedOutcome(List<String> values) {
        String outcome = ApiProblem.singleValue("Outcome", values, "; give one of: confirmed, unconfirmed");
        if (outcome != null && Outcome.fromWireName(outcome).isEmpty()) {
            throw ApiProblem.invalidParameter("Invalid value for parameter 'Outcome': must be one of confirmed, unconfirmed");
        }
        return outcome;
    }

    /**
     * Binds the body before the operation runs, so a refused one (415, 400) costs no rate-limit token. Read by
     * {@link FormBody}, not Quarkus's {@code @RestForm}: its answers name what is wrong with a body where Quarkus's
     * has one generic answer, and multipart parts are not spooled to disk. A server reader: a plain one is handed the
     * operation's annotations, parsed by reflection, and a copy of the headers: in a profile, the largest added cost
     * of a POST.
     */
    @Provider
    @Consumes(MediaType.WILDCARD)
    static class Reader implements ServerMessageBodyReader<CreateMessageFeedbackForm> {

        @Override
        public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
            return type == CreateMessageFeedbackForm.class;
        }

        @Override
        public CreateMessageFeedbackForm readFrom(Class<CreateMessageFeedbackForm> type, Type genericType, MediaType mediaType,
                ServerRequestContext context) throws IOException {
            return read(context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_TYPE), context.getInputStream());
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == CreateMessageFeedbackForm.class;
        }

        @Override
        public CreateMessageFeedbackForm readFrom(Class<CreateMessageFeedbackForm> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
            return read(headers.getFirst(HttpHeaders.CONTENT_TYPE), body);
        }

        private static CreateMessageFeedbackForm read(String contentType, InputStream body) throws IOException {
            return new CreateMessageFeedbackForm(requestedOutcome(FormBody.values(contentType, body.readAllBytes(), "Outcome")));
        }
    }
}
