package fr.ars.coord.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local platform's mail server read as a mail reader does, over IMAP: each recipient's mailbox, its user name the
 * address (the local server takes any password).
 */
final class Mailboxes {

    private Mailboxes() {}

    /** Every message {@code address} received so far, detached from the server. */
    static List<MimeMessage> of(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", RunningPlatform.IMAP_PORT, address, "lecture");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<MimeMessage> messages = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    messages.add(new MimeMessage((MimeMessage) message));
                }
                inbox.close(false);
                return messages;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("reading the mailbox of " + address, e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a message. */
    static String text(MimeMessage message) {
        try {
            return plain(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType("text/plain") ? (String) part.getContent() : plain(part.getContent());
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
