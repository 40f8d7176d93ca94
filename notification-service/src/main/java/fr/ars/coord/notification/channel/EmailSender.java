package fr.ars.coord.notification.channel;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends mail: a publication to a press address or to a public subscriber (plain text and HTML), an obligation
 * reminder, or a plain message. The message id is derived from the delivery id, so a retried message is recognisably
 * the same message.
 */
public class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * Tells one contact of an obligation that is due soon or overdue: what, for which incident, due when, and where
     * to read the incident. In French, as the staff who receive it work.
     */
    public WebhookSender.Result send(String to, ReminderPayload payload) {
        ReminderPayload.Obligation o = payload.obligation();
        boolean overdue = o.stage() == fr.ars.coord.contracts.incident.ReminderStage.OVERDUE;
        String subject = (overdue ? "[En retard] " : "[Échéance proche] ") + o.obligation() + " – " + o.regionName();
        String text = (overdue
                        ? "L'obligation suivante n'est pas remplie et son échéance est dépassée"
                        : "L'échéance de l'obligation suivante approche")
                + " :\n\n"
                + o.obligation() + " (" + o.legalBasis() + ")\n"
                + "Incident : " + o.incidentId() + " (" + o.regionName() + ")\n"
                + "Échéance : " + o.dueAt() + "\n"
                + (payload.escalated() ? "La cellule nationale de coordination en est informée.\n" : "")
                + "\n" + o.incidentUrl();
        return deliver(to, payload.deliveryId(), subject, text, null, Map.of());
    }

    /** A message in plain text (a subscription's confirmation), with its own id and any extra headers. */
    public WebhookSender.Result send(
            String to, String messageId, String subject, String text, Map<String, String> headers) {
        return deliver(to, messageId, subject, text, null, headers);
    }

    /** A published communiqué to a press address: its text and the address of its page. */
    public WebhookSender.Result send(String to, PublicationPayload payload) {
        PublicationPayload.Communique c = payload.communique();
        return deliver(to, payload.deliveryId(), c.title(), c.body() + "\n\n" + c.page(), html(c, ""), Map.of());
    }

    /**
     * A published communiqué to a public subscriber: with its page, why they receive it, and the link to stop; the
     * same link in {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058), so that a mail reader can
     * offer the unsubscription in one click.
     */
    public WebhookSender.Result sendToSubscriber(
            String to, PublicationPayload payload, String why, String unsubscribeUrl) {
        PublicationPayload.Communique c = payload.communique();
        String text = c.body() + "\n\nLire ce communiqué en ligne : " + c.page() + "\n\n-- \n" + why
                + "\nPour ne plus les recevoir : " + unsubscribeUrl + "\n";
        String footer = "<hr><p>" + HtmlUtils.htmlEscape(why) + "<br><a href=\"" + HtmlUtils.htmlEscape(unsubscribeUrl)
                + "\">Se désabonner</a></p>";
        return deliver(
                to,
                payload.deliveryId(),
                c.title(),
                text,
                html(c, footer),
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribeUrl + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    private static String html(PublicationPayload.Communique c, String footer) {
        StringBuilder html = new StringBuilder("<html lang=\"fr\"><body><h1>")
                .append(HtmlUtils.htmlEscape(c.title()))
                .append("</h1>");
        for (String paragraph : c.body().split("\n\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
        }
        if (c.page() != null) {
            html.append("<p><a href=\"")
                    .append(HtmlUtils.htmlEscape(c.page()))
                    .append("\">Lire ce communiqué en ligne</a></p>");
        }
        return html.append(footer).append("</body></html>").toString();
    }

    private WebhookSender.Result deliver(
            String to, String messageId, String subject, String text, String html, Map<String, String> headers) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            if (html == null) {
                helper.setText(text, false);
            } else {
                helper.setText(text, html);
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<" + messageId + "@communiques.ars.sante.fr>");
            message.setHeader("X-ARS-Delivery-Id", messageId);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            mail.send(message);
            return new WebhookSender.Result(true, "accepted by SMTP server");
        } catch (Exception e) {
            return new WebhookSender.Result(
                    false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
