package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiConsumer;

/** How records print: {@code key=value} lines, one blank line between two records, nothing else on stdout. */
final class Records {

    private Records() {
    }

    static void account(PrintWriter out, Account account) {
        out.println("account_sid=" + account.sid());
        out.println("friendly_name=" + account.friendlyName());
        out.println("status=" + account.status().wireName());
        out.println("parent_sid=" + account.parent().map(AccountSid::value).orElse(""));
        out.println("date_created=" + account.dateCreated());
    }

    static void apiKey(PrintWriter out, ApiKey key) {
        out.println("api_key_sid=" + key.sid());
        out.println("account_sid=" + key.accountSid());
        out.println("friendly_name=" + key.friendlyName());
        out.println("status=" + (key.isRevoked() ? "revoked" : "active"));
        out.println("date_created=" + key.dateCreated());
    }

    static <T> void all(PrintWriter out, List<T> records, BiConsumer<PrintWriter, T> printer) {
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.println();
            }
            printer.accept(out, records.get(i));
        }
    }
}
