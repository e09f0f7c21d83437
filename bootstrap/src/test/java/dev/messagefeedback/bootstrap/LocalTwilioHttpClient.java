package dev.messagefeedback.bootstrap;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * twilio-java has no base-URL setting: this client sends each request the SDK builds to the test
 * server instead of api.twilio.com, and changes nothing else (method, path, form, headers, auth).
 */
final class LocalTwilioHttpClient extends HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final NetworkHttpClient network = new NetworkHttpClient();
    private final String baseUrl;

    LocalTwilioHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        if (!request.getUrl().startsWith(TWILIO_API)) {
            throw new IllegalArgumentException("not a Twilio API URL: " + request.getUrl());
        }
        Request local = new Request(request.getMethod(), baseUrl + request.getUrl().substring(TWILIO_API.length()));
        if (request.getAuthStrategy() != null) {
            local.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            local.setAuth(request.getUsername(), request.getPassword());
        }
        local.setContentType(request.getContentType());
        if (request.getBody() != null) {
            local.setBody(request.getBody());
        }
        copy(request.getPostParams(), local::addPostParam);
        copy(request.getQueryParams(), local::addQueryParam);
        copy(request.getHeaderParams(), local::addHeaderParam);
        local.setUserAgentExtensions(request.getUserAgentExtensions());
        return network.makeRequest(local);
    }

    private static void copy(Map<String, List<String>> parameters, BiConsumer<String, String> add) {
        parameters.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
