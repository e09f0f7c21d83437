package dev.messagefeedback.adapter.rest;

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
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Binds the body of Create Message Feedback to {@link CreateMessageFeedbackForm}, as JAX-RS binds any
 * entity: before the operation runs, so a refused body (415, 400) is answered before the rate limit
 * counts the request. The bytes are read by {@link FormBody}, not by Quarkus's form binding ({@code @RestForm}):
 * the answers here name what is wrong with a body (broken percent-encoding, multipart framing, an unknown
 * charset, repeated values that disagree) in Twilio's 400 and 415, where Quarkus's binding has one generic
 * answer, and a multipart body stays in memory within its 64 KiB instead of having file parts spooled to
 * disk. FormBodyTest and HostileInputTest pin each of those answers.
 *
 * <p>A {@link ServerMessageBodyReader}: Quarkus REST hands a plain {@code MessageBodyReader} the
 * operation's parameter annotations, which it parses by reflection on every request (a profile showed
 * that, and the copy of the headers into a map, as the largest added cost of a POST).
 */
@Provider
@Consumes(MediaType.WILDCARD)
class CreateMessageFeedbackFormReader implements ServerMessageBodyReader<CreateMessageFeedbackForm> {

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
        List<String> values = FormBody.values(contentType, body.readAllBytes(), CreateMessageFeedbackForm.OUTCOME);
        return new CreateMessageFeedbackForm(requestedOutcome(values));
    }

    /** Omitted means omitted (null); given (even empty) must be a known outcome; repeated must agree. */
    static String requestedOutcome(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        if (!values.stream().allMatch(first::equals)) {
            throw ApiProblem.invalidParameter(
                    "Parameter 'Outcome' was given more than once with different values; give one of: confirmed, unconfirmed");
        }
        if (dev.messagefeedback.domain.Outcome.fromWireName(first).isEmpty()) {
            throw ApiProblem.invalidParameter("Invalid value for parameter 'Outcome': must be one of confirmed, unconfirmed");
        }
        return first;
    }
}
