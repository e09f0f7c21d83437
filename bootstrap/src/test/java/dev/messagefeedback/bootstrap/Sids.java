package dev.messagefeedback.bootstrap;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, well-formed SIDs, so that tests never share a record by accident. */
final class Sids {

    private Sids() {
    }

    static String account() {
        return "AC" + hex32();
    }

    static String sms() {
        return "SM" + hex32();
    }

    static String mms() {
        return "MM" + hex32();
    }

    static String hex32() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    static String feedbackPath(String accountSid, String messageSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Feedback.json";
    }

    static String summaryPath(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/FeedbackSummary.json";
    }
}
