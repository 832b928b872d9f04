package org.caravan.infrastructure;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return start(HOST, smtpPort, pop3Port);
    }

    /**
     * On every address of this machine, so that containers reach it through the engine's host gateway
     * ({@code host.docker.internal}); for the container tests only, never for the local run.
     */
    public static LocalMailServer reachableFromContainers() {
        return start("0.0.0.0", FreePorts.next(), FreePorts.next());
    }

    private static LocalMailServer start(String host, int smtpPort, int pop3Port) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(pop3Port, host, ServerSetup.PROTOCOL_POP3)
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

    /** The first text matching {@code pattern} in a message received for {@code recipient}, such as a link. */
    public Optional<String> found(String recipient, Pattern pattern) {
        return received().stream()
                .filter(message -> addressedTo(message, recipient))
                .map(message -> pattern.matcher(text(message)))
                .filter(Matcher::find)
                .map(Matcher::group)
                .findFirst();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return message.getAllRecipients() != null
                    && Arrays.stream(message.getAllRecipients())
                            .anyMatch(address -> address.toString().contains(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not read a received message", e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
