package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.port.in.ProvisionDemoAccountCommand;
import dev.messagefeedback.application.port.in.ProvisionDemoAccountUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The README's demo credentials, provisioned at start-up when {@code feedback.demo-account.enabled} is
 * on. Only the local runner turns it on, and only for its embedded database.
 */
@ApplicationScoped
class DemoAccount {

    static final AccountSid SID = new AccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    /** Published in the README on purpose: it opens nothing but a local, embedded database. */
    static final String AUTH_TOKEN = "f00df00df00df00df00df00df00df00d";

    private static final Logger LOG = Logger.getLogger(DemoAccount.class);

    void provision(@Observes StartupEvent started, FeedbackConfig config, ProvisionDemoAccountUseCase provision) {
        if (config.demoAccount().enabled()) {
            provision.provisionDemoAccount(new ProvisionDemoAccountCommand(SID, AUTH_TOKEN));
            LOG.infof("Demo account %s is ready (local use only; its token is in the README)", SID);
        }
    }
}
