package fr.ars.coord.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the test SMTP server received for one address: the messages, their text and the links in it. */
public record Mailbox(GreenMail server, String address) {

    public List<MimeMessage> messages() {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] to = m.getAllRecipients();
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    public List<MimeMessage> withSubject(String subject) {
        return messages().stream().filter(m -> subject(m).equals(subject)).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String found = text(nested);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return "";
    }

    /** The first link to {@code path} in the message's text, as written (with its query). */
    public static String link(MimeMessage message, String path) {
        Matcher m = Pattern.compile("https?://[^\\s/]+" + Pattern.quote(path) + "[^\\s]*")
                .matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no link to " + path + " in:\n" + text(message));
        }
        return m.group();
    }

    /** The value of {@code jeton} in a link. */
    public static String token(String link) {
        Matcher m = Pattern.compile("[?&]jeton=([^&\\s]+)").matcher(link);
        if (!m.find()) {
            throw new AssertionError("no token in " + link);
        }
        return m.group(1);
    }
}
