package dev.messagefeedback.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The top-level keys of a JSON object, in the order they were written. */
final class JsonKeys {

    private JsonKeys() {
    }

    static List<String> inOrder(String json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("not a JSON object: " + json);
            }
            List<String> keys = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            return keys;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
