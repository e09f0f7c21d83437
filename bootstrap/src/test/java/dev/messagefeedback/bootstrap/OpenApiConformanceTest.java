package dev.messagefeedback.bootstrap;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Twilio's own OpenAPI document as a test: real requests and answers are validated against it, and the
 * service's document at /q/openapi describes the operation as Twilio's does.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiConformanceTest {

    static final String CONTRACT = "contract/twilio-message-feedback.openapi.json";
    static final String PATH = "/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json";

    static final OpenApiValidationFilter TWILIO_CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(
                    Thread.currentThread().getContextClassLoader().getResource(CONTRACT).toString()).build());

    final TestAccounts.Credentials account = TestAccounts.account();

    @Test
    void requestsAndAnswersFollowTwiliosDocument() {
        String message = Sids.sms();
        String path = Sids.feedbackPath(account.accountSid(), message);
        Api.form(account, "unconfirmed").filter(TWILIO_CONTRACT).post(path).then().statusCode(201);
        Api.form(account, "confirmed").filter(TWILIO_CONTRACT).post(path).then().statusCode(201);
        Api.as(account).contentType(Api.FORM).filter(TWILIO_CONTRACT).post(path).then().statusCode(201);
        Api.form(TestAccounts.apiKeyOf(account), "confirmed").filter(TWILIO_CONTRACT)
                .post(Sids.feedbackPath(account.accountSid(), Sids.mms())).then().statusCode(201);
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        Api.form(account, "confirmed").filter(TWILIO_CONTRACT)
                .post(Sids.feedbackPath(child.accountSid(), Sids.sms())).then().statusCode(201);
    }

    @Test
    void theServicesDocumentDescribesTheOperationAsTwiliosDoes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode twilio;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONTRACT)) {
            twilio = json.readTree(in);
        }
        JsonNode ours = json.readTree(Api.anonymous().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());

        JsonNode theirOperation = twilio.at("/paths").get(PATH).get("post");
        JsonNode ourOperation = ours.at("/paths").get(PATH);
        assertNotNull(ourOperation, "the path is documented");
        ourOperation = ourOperation.get("post");
        assertEquals(theirOperation.get("operationId"), ourOperation.get("operationId"));

        for (String name : new String[] {"AccountSid", "MessageSid"}) {
            JsonNode theirs = parameter(theirOperation, name);
            JsonNode mine = parameter(ourOperation, name);
            assertEquals("path", mine.get("in").asText());
            assertTrue(mine.get("required").asBoolean());
            for (String constraint : new String[] {"type", "pattern", "minLength", "maxLength"}) {
                assertEquals(theirs.at("/schema/" + constraint), mine.at("/schema/" + constraint), name + " " + constraint);
            }
        }

        JsonNode theirForm = resolve(twilio, theirOperation.at("/requestBody/content/application~1x-www-form-urlencoded/schema"));
        JsonNode ourForm = resolve(ours, ourOperation.at("/requestBody/content/application~1x-www-form-urlencoded/schema"));
        assertEquals(enumOf(twilio, theirForm.at("/properties/Outcome")), enumOf(ours, ourForm.at("/properties/Outcome")));

        JsonNode theirAnswer = resolve(twilio, theirOperation.at("/responses/201/content/application~1json/schema"));
        JsonNode ourAnswer = resolve(ours, ourOperation.at("/responses/201/content/application~1json/schema"));
        assertEquals(names(theirAnswer.get("properties")), names(ourAnswer.get("properties")));
        for (String field : names(theirAnswer.get("properties"))) {
            JsonNode theirs = resolve(twilio, theirAnswer.get("properties").get(field));
            JsonNode mine = resolve(ours, ourAnswer.get("properties").get(field));
            for (String constraint : new String[] {"type", "pattern", "format", "minLength", "maxLength"}) {
                assertEquals(theirs.get(constraint), mine.get(constraint), field + " " + constraint);
            }
        }
        assertEquals(enumOf(twilio, theirAnswer.at("/properties/outcome")), enumOf(ours, ourAnswer.at("/properties/outcome")));

        String scheme = ourOperation.at("/security/0").fieldNames().next();
        assertEquals("accountSid_authToken", scheme);
        assertEquals(twilio.at("/components/securitySchemes/accountSid_authToken"), ours.at("/components/securitySchemes/" + scheme));
    }

    /** CORS is Quarkus's (quarkus.http.cors.*): a browser's preflight, then every answer to a browser, errors too. */
    @Test
    void aPreflightAnswersWithoutCredentialsAndEveryAnswerToABrowserCarriesCors() {
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.anonymous().header("Origin", "https://example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(path).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://example.com"))
                .header("Access-Control-Allow-Credentials", equalTo("false"))
                .header("Access-Control-Allow-Methods", equalTo("GET,HEAD,POST,OPTIONS"))
                .header("Access-Control-Allow-Headers", equalTo("Content-Type,Authorization"));
        for (var response : new io.restassured.response.Response[] {
            Api.form(account, "confirmed").header("Origin", "https://example.com").post(path),
            Api.anonymous().header("Origin", "https://example.com").post(path),
            Api.as(account).header("Origin", "https://example.com").get("/nope")}) {
            response.then()
                    .header("Access-Control-Allow-Origin", equalTo("https://example.com"))
                    .header("Access-Control-Expose-Headers", equalTo("Twilio-Request-Id"));
        }
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node != null && node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static Set<String> enumOf(JsonNode document, JsonNode node) {
        Set<String> values = new TreeSet<>();
        resolve(document, node).get("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
