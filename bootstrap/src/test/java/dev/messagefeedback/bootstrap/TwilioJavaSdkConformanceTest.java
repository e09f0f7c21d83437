package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.twilio.base.TwilioResponse;
import com.twilio.exception.ApiException;
import com.twilio.exception.RestException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.message.Feedback;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK (twilio-java), unchanged but for where its requests go, against the service:
 * every field it parses must equal what is stored, and errors must surface as its ApiException.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class TwilioJavaSdkConformanceTest {

    @Inject
    DataSource dataSource;

    final TestAccounts.Credentials account = TestAccounts.account();
    final String baseUrl = RawHttp.uri("").toString();

    TwilioRestClient clientFor(TestAccounts.Credentials credentials) {
        return new TwilioRestClient.Builder(credentials.username(), credentials.secret())
                .accountSid(credentials.accountSid())
                .httpClient(new LocalTwilioHttpClient(baseUrl))
                .build();
    }

    void assertMatchesStorage(Feedback feedback, String accountSid, String messageSid, String outcome) {
        FeedbackRows.Row row = FeedbackRows.of(dataSource, accountSid, messageSid).get(0);
        assertEquals(accountSid, feedback.getAccountSid());
        assertEquals(messageSid, feedback.getMessageSid());
        assertEquals(Feedback.Outcome.forValue(outcome), feedback.getOutcome());
        assertEquals(outcome, row.outcome());
        assertEquals(Sids.feedbackPath(accountSid, messageSid), feedback.getUri());
        assertInstant(row.dateCreated().toZonedDateTime(), feedback.getDateCreated());
        assertInstant(row.dateUpdated().toZonedDateTime(), feedback.getDateUpdated());
    }

    static void assertInstant(ZonedDateTime stored, ZonedDateTime parsed) {
        assertNotNull(parsed, "twilio-java parsed the date as null: not RFC 2822 as it expects");
        assertEquals(stored.toInstant().truncatedTo(ChronoUnit.SECONDS), parsed.toInstant());
    }

    @Test
    void createWithAccountAndMessageSidsAndTokenAuth() {
        String message = Sids.sms();
        Feedback feedback = Feedback.creator(account.accountSid(), message)
                .setOutcome(Feedback.Outcome.CONFIRMED)
                .create(clientFor(account));
        assertMatchesStorage(feedback, account.accountSid(), message, "confirmed");
    }

    @Test
    void createWithTheClientsOwnAccount() {
        String message = Sids.mms();
        Feedback feedback = Feedback.creator(message).setOutcome(Feedback.Outcome.UNCONFIRMED).create(clientFor(account));
        assertMatchesStorage(feedback, account.accountSid(), message, "unconfirmed");
    }

    @Test
    void createWithoutOutcomeIsUnconfirmed() {
        String message = Sids.sms();
        Feedback feedback = Feedback.creator(message).create(clientFor(account));
        assertMatchesStorage(feedback, account.accountSid(), message, "unconfirmed");
    }

    @Test
    void createWithApiKeyAuth() {
        String message = Sids.sms();
        TwilioRestClient client = clientFor(TestAccounts.apiKeyOf(account));
        Feedback unconfirmed = Feedback.creator(account.accountSid(), message)
                .setOutcome(Feedback.Outcome.UNCONFIRMED).create(client);
        assertMatchesStorage(unconfirmed, account.accountSid(), message, "unconfirmed");
        Feedback confirmed = Feedback.creator(message).setOutcome(Feedback.Outcome.CONFIRMED).create(client);
        assertMatchesStorage(confirmed, account.accountSid(), message, "confirmed");
    }

    @Test
    void createWithResponseAnswers201() {
        String message = Sids.sms();
        TwilioResponse<Feedback> response = Feedback.creator(account.accountSid(), message)
                .setOutcome(Feedback.Outcome.CONFIRMED).createWithResponse(clientFor(account));
        assertEquals(201, response.getStatusCode());
        assertMatchesStorage(response.getContent(), account.accountSid(), message, "confirmed");
    }

    @Test
    void aParentActsOnItsSubaccountThroughTheSdk() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        String message = Sids.sms();
        Feedback feedback = Feedback.creator(child.accountSid(), message)
                .setOutcome(Feedback.Outcome.CONFIRMED).create(clientFor(account));
        assertMatchesStorage(feedback, child.accountSid(), message, "confirmed");
    }

    @Test
    void wrongCredentialsAre401And20003() {
        var wrong = new TestAccounts.Credentials(account.username(), "0".repeat(32), account.accountSid());
        ApiException error = assertThrows(ApiException.class,
                () -> Feedback.creator(Sids.sms()).setOutcome(Feedback.Outcome.CONFIRMED).create(clientFor(wrong)));
        assertEquals(401, error.getStatusCode());
        assertEquals(20003, error.getCode());
        assertEquals("https://www.twilio.com/docs/errors/20003", error.getMoreInfo());
    }

    @Test
    void aMalformedMessageSidIs404And20404() {
        ApiException error = assertThrows(ApiException.class,
                () -> Feedback.creator("SMnot-a-sid").setOutcome(Feedback.Outcome.CONFIRMED).create(clientFor(account)));
        assertEquals(404, error.getStatusCode());
        assertEquals(20404, error.getCode());
    }

    @Test
    void aBadOutcomeIs400And20001ThroughTheSdksOwnErrorParsing() {
        // The SDK's enum cannot send a bad outcome: send its own Request, and parse as its creators do.
        TwilioRestClient client = clientFor(account);
        Request request = new Request(HttpMethod.POST, "api",
                "/2010-04-01/Accounts/" + account.accountSid() + "/Messages/" + Sids.sms() + "/Feedback.json");
        request.setContentType(com.twilio.constant.EnumConstants.ContentType.FORM_URLENCODED);
        request.addPostParam("Outcome", "maybe");
        com.twilio.http.Response response = client.request(request);
        assertEquals(400, response.getStatusCode());
        RestException error = RestException.fromJson(response.getStream(), client.getObjectMapper());
        assertEquals(20001, error.getCode());
        assertEquals(400, error.getStatus());
        assertEquals(400, new ApiException(error).getStatusCode());
    }
}
