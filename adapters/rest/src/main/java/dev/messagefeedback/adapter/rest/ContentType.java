package dev.messagefeedback.adapter.rest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A parsed {@code Content-Type} header: the media type in lower case and its parameters. */
record ContentType(String mediaType, Map<String, String> parameters) {

    static final String FORM_URLENCODED = "application/x-www-form-urlencoded";
    static final String MULTIPART_FORM_DATA = "multipart/form-data";

    static ContentType parse(String header) {
        String[] pieces = header.split(";");
        String mediaType = pieces[0].trim().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < pieces.length; i++) {
            int equals = pieces[i].indexOf('=');
            if (equals > 0) {
                String name = pieces[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
                String value = pieces[i].substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.putIfAbsent(name, value);
            }
        }
        return new ContentType(mediaType, Map.copyOf(parameters));
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The declared charset, UTF-8 when none is declared; an unknown one is refused with 415. */
    Charset charset() {
        String name = parameters.get("charset");
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknownOrIllegal) {
            throw ApiProblem.unsupportedMediaType("The charset of the request body is not supported");
        }
    }
}
