package dev.messagefeedback.adapter.rest;

import static jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED;
import static jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one named parameter out of a url-encoded or multipart form body without trusting it: strict about percent-encoding
 * and multipart framing, blind to every other parameter; bytes a charset cannot read become U+FFFD, never a valid value.
 */
final class FormBody {

    private FormBody() {
    }

    /** The values of {@code parameter}, in order; the content type (null when none was sent) is judged first. */
    static List<String> values(String contentTypeHeader, byte[] body, String parameter) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            if (body.length == 0) {
                return List.of(); // a bare POST, as curl -X POST sends it
            }
            throw ApiProblem.unsupportedMediaType("The request has a body but no Content-Type");
        }
        ContentType type = ContentType.parse(contentTypeHeader);
        return switch (type.mediaType()) {
            case APPLICATION_FORM_URLENCODED -> urlEncodedValues(body, type.charset(), parameter);
            case MULTIPART_FORM_DATA -> multipartValues(type, body, type.charset(), parameter);
            default -> throw ApiProblem.unsupportedMediaType(
                    "Content-Type " + ApiProblem.printable(type.mediaType(), "a-z0-9/.+\\-", 100) + " is not supported");
        };
    }

    /** Names are decoded (and must be well-formed) everywhere; values only for {@code parameter}. */
    private static List<String> urlEncodedValues(byte[] body, Charset charset, String parameter) {
        List<String> values = new ArrayList<>(1);
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) { // one char per byte
            int equals = pair.indexOf('=');
            if (!pair.isEmpty() && decode(equals < 0 ? pair : pair.substring(0, equals), charset).equals(parameter)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1), charset));
            }
        }
        return values;
    }

    private static String decode(String encoded, Charset charset) {
        for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 3)) {
            if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                    || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                throw ApiProblem.invalidParameter(
                        "The request body is not valid " + APPLICATION_FORM_URLENCODED + ": broken percent-encoding");
            }
        }
        // Decoded as ISO-8859-1, one char per byte, then those bytes in the body's charset.
        return new String(URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private static List<String> multipartValues(ContentType type, byte[] body, Charset charset, String parameter) {
        String boundary = type.parameters().getOrDefault("boundary", "");
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw malformedMultipart("no valid boundary");
        }
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: the same indexes
        String delimiter = "\r\n--" + boundary;
        int position = text.startsWith(delimiter.substring(2)) ? 0 : text.indexOf(delimiter);
        if (position < 0) {
            throw malformedMultipart("no part delimiter");
        }
        position += text.startsWith(delimiter.substring(2), position) ? delimiter.length() - 2 : delimiter.length();
        List<String> values = new ArrayList<>(1);
        while (!text.startsWith("--", position)) { // until the close delimiter
            while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
                position++;
            }
            if (!text.startsWith("\r\n", position)) {
                throw malformedMultipart("a delimiter is not followed by a line break");
            }
            int headersEnd = text.indexOf("\r\n\r\n", position);
            if (headersEnd < 0) {
                throw malformedMultipart("a part has no end of headers");
            }
            String headers = text.substring(position + 2, Math.max(position + 2, headersEnd));
            int contentEnd = text.indexOf(delimiter, headersEnd + 4);
            if (contentEnd < 0) {
                throw malformedMultipart("a part is not closed by a delimiter");
            }
            ContentType disposition = partHeader(headers, "Content-Disposition");
            if (disposition != null && disposition.mediaType().equals("form-data")
                    && parameter.equals(disposition.parameters().get("name"))) {
                ContentType partType = partHeader(headers, "Content-Type");
                Charset partCharset = partType != null && partType.parameters().containsKey("charset") ? partType.charset() : charset;
                values.add(new String(body, headersEnd + 4, contentEnd - headersEnd - 4, partCharset));
            }
            position = contentEnd + delimiter.length();
        }
        return values;
    }

    /** A part's header (null when absent), parsed as {@code value; name=value ...}: the shape of both read here. */
    private static ContentType partHeader(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return ContentType.parse(line.substring(colon + 1));
            }
        }
        return null;
    }

    private static ApiProblem malformedMultipart(String why) {
        return ApiProblem.invalidParameter("The request body is not valid " + MULTIPART_FORM_DATA + ": " + why);
    }

    /** A parsed {@code Content-Type}: the media type in lower case and its parameters (the first of each name). */
    private record ContentType(String mediaType, Map<String, String> parameters) {

        static ContentType parse(String header) {
            String[] pieces = header.split(";");
            Map<String, String> parameters = new HashMap<>();
            for (int i = 1; i < pieces.length; i++) {
                int equals = pieces[i].indexOf('=');
                if (equals > 0) {
                    String value = pieces[i].substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    parameters.putIfAbsent(pieces[i].substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
                }
            }
            return new ContentType(pieces[0].trim().toLowerCase(Locale.ROOT), parameters);
        }

        /** The declared charset, UTF-8 when none is declared; an unknown one is refused with 415. */
        Charset charset() {
            String name = parameters.get("charset");
            Charset charset = name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name, null);
            if (charset == null) {
                throw ApiProblem.unsupportedMediaType("The charset of the request body is not supported");
            }
            return charset;
        }
    }
}
