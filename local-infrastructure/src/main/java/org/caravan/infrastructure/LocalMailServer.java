package org.caravan.infrastructure;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server that keeps what it receives in memory, with POP3 to read it: every recipient gets a mailbox
 * whose login and password are the address itself. notification-service sends here in the local run and in the
 * end-to-end tests; nothing leaves the machine.
 */
public final class LocalMailServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail mail;

    private LocalMailServer(GreenMail mail) {
        this.mail = mail;
    }

    public static LocalMailServer start(int smtpPort, int pop3Port) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(pop3Port, HOST, ServerSetup.PROTOCOL_POP3)
        });
        mail.start();
        return new LocalMailServer(mail);
    }

    public static LocalMailServer onFreePorts() {
        return start(FreePorts.next(), FreePorts.next());
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int pop3Port() {
        return mail.getPop3().getPort();
    }

    /** Everything received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    @Override
    public void close() {
        mail.stop();
    }
}
