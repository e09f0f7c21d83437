package dev.messagefeedback.adapter.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one named parameter out of a form body, {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}, without trusting it: strict about percent-encoding and multipart
 * framing, and blind to every other parameter. (Its size was bounded before it was read:
 * {@code quarkus.http.limits.max-body-size}.)
 */
final class FormBody {

    private FormBody() {
    }

    /**
     * The values of {@code parameter} in the body, in order (none when the body lacks it). The content
     * type is judged before the body.
     *
     * @param contentTypeHeader the request's {@code Content-Type}, or null when it sent none
     */
    static List<String> values(String contentTypeHeader, byte[] body, String parameter) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            if (body == null || body.length == 0) {
                return List.of(); // a bare POST, as curl -X POST sends it: no parameters at all
            }
            throw ApiProblem.unsupportedMediaType("The request has a body but no Content-Type");
        }
        ContentType type = ContentType.parse(contentTypeHeader);
        boolean urlEncoded = type.mediaType().equals(ContentType.FORM_URLENCODED);
        boolean multipart = type.mediaType().equals(ContentType.MULTIPART_FORM_DATA);
        if (!urlEncoded && !multipart) {
            throw ApiProblem.unsupportedMediaType("Content-Type " + printable(type.mediaType()) + " is not supported");
        }
        Charset charset = type.charset();
        byte[] bytes = body == null ? new byte[0] : body;
        return urlEncoded ? urlEncodedValues(bytes, charset, parameter) : multipartValues(type, bytes, charset, parameter);
    }

    private static List<String> urlEncodedValues(byte[] body, Charset charset, String parameter) {
        List<String> values = new ArrayList<>(1);
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end < 0) {
                end = body.length;
            }
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                int nameEnd = equals < 0 ? end : equals;
                if (decode(body, start, nameEnd, charset).equals(parameter)) {
                    values.add(equals < 0 ? "" : decode(body, equals + 1, end, charset));
                }
            }
            start = end + 1;
        }
        return values;
    }

    private static String decode(byte[] body, int from, int to, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw ApiProblem.invalidParameter(
                            "The request body is not valid " + ContentType.FORM_URLENCODED + ": broken percent-encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return text(bytes.toByteArray(), charset);
    }

    private static List<String> multipartValues(ContentType type, byte[] body, Charset charset, String parameter) {
        String boundary = type.parameter("boundary").orElse("");
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw malformedMultipart("no valid boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<String> values = new ArrayList<>(1);
        int position = startsWith(body, 0, delimiter) ? 0 : indexOf(body, nextDelimiter, 0);
        if (position < 0) {
            throw malformedMultipart("no part delimiter");
        }
        position += startsWith(body, position, delimiter) ? delimiter.length : nextDelimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return values; // the close delimiter
            }
            position = skipLinearWhitespace(body, position);
            if (!startsWith(body, position, new byte[] {'\r', '\n'})) {
                throw malformedMultipart("a delimiter is not followed by a line break");
            }
            position += 2;
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, position - 2);
            if (headersEnd < 0) {
                throw malformedMultipart("a part has no end of headers");
            }
            String headers = new String(body, position, Math.max(0, headersEnd - position), StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw malformedMultipart("a part is not closed by a delimiter");
            }
            if (parameter.equals(partName(headers))) {
                values.add(text(Arrays.copyOfRange(body, contentStart, contentEnd), partCharset(headers, charset)));
            }
            position = contentEnd + nextDelimiter.length;
        }
    }

    private static String partName(String headers) {
        return partHeader(headers, "Content-Disposition")
                .filter(disposition -> disposition.mediaType().equals("form-data"))
                .flatMap(disposition -> disposition.parameter("name"))
                .orElse(null);
    }

    private static Charset partCharset(String headers, Charset fallback) {
        return partHeader(headers, "Content-Type")
                .filter(type -> type.parameter("charset").isPresent())
                .map(ContentType::charset)
                .orElse(fallback);
    }

    /** A part's header, parsed as {@code value; name=value ...} (the shape of both headers read here). */
    private static Optional<ContentType> partHeader(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(ContentType.parse(line.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    private static ApiProblem malformedMultipart(String why) {
        return ApiProblem.invalidParameter("The request body is not valid " + ContentType.MULTIPART_FORM_DATA + ": " + why);
    }

    /** Bytes to text; bytes the charset cannot read become U+FFFD, which no accepted value contains. */
    private static String text(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
    }

    private static int skipLinearWhitespace(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        return position;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        for (int i = Math.max(0, from); i + wanted.length <= body.length; i++) {
            if (startsWith(body, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** A media type for an error message: ASCII letters and a few marks only, at most 100 characters. */
    private static String printable(String mediaType) {
        String kept = mediaType.replaceAll("[^a-z0-9/.+\\-]", "?");
        return (kept.length() > 100 ? kept.substring(0, 100) + "..." : kept).toLowerCase(Locale.ROOT);
    }
}
