package dev.messagefeedback.adapter.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Renders {@link FeedbackJson}, the body of every 201, straight into bytes: the same keys in the same
 * order as Jackson wrote them ({@code @JsonPropertyOrder}), without Jackson's generator and output
 * stream per response, which the CPU profile of a loaded service showed as a visible share of a POST.
 * Only this type: every other body is still Jackson's.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
class FeedbackJsonWriter implements ServerMessageBodyWriter<FeedbackJson> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == FeedbackJson.class;
    }

    @Override
    public void writeResponse(FeedbackJson feedback, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(render(feedback));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == FeedbackJson.class;
    }

    @Override
    public void writeTo(FeedbackJson feedback, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        entityStream.write(render(feedback));
    }

    static byte[] render(FeedbackJson feedback) {
        StringBuilder json = new StringBuilder(384);
        json.append('{');
        member(json, "account_sid", feedback.accountSid()).append(',');
        member(json, "date_created", feedback.dateCreated()).append(',');
        member(json, "date_updated", feedback.dateUpdated()).append(',');
        member(json, "message_sid", feedback.messageSid()).append(',');
        member(json, "outcome", feedback.outcome()).append(',');
        member(json, "uri", feedback.uri());
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder member(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c)); // as Jackson escapes them
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
