package fr.ars.coord.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A mail server for the local platform (GreenMail): it accepts every message over SMTP and keeps it in memory, in
 * the mailbox of each recipient, readable over IMAP with the recipient's address as user name and any password. What
 * the platform sends on this machine (communiqués to the press and to subscribers, confirmation mails, reminders) is
 * read there and goes nowhere else.
 */
final class MailStore {

    private MailStore() {}

    static void run(LauncherOptions options) throws Exception {
        List<ServerSetup> setups = new ArrayList<>();
        setups.add(new ServerSetup(options.port(), options.host(), ServerSetup.PROTOCOL_SMTP));
        if (options.imapPort() != null) {
            setups.add(new ServerSetup(options.imapPort(), options.host(), ServerSetup.PROTOCOL_IMAP));
        }
        GreenMail mail = new GreenMail(setups.toArray(ServerSetup[]::new))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mail.stop();
                            stopped.countDown();
                        },
                        "mail-stop"));
        System.out.println("mail server ready: SMTP on " + options.host() + ":" + options.port()
                + (options.imapPort() == null ? "" : ", IMAP on " + options.host() + ":" + options.imapPort()));
        stopped.await();
    }
}
