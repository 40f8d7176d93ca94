package fr.ars.coord.notification.channel;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends a publication to one press address as plain text and HTML. The message id is derived from the
 * delivery id, so a retried message is recognisably the same message.
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
        return deliver(to, payload.deliveryId(), subject, text);
    }

    private WebhookSender.Result deliver(String to, String deliveryId, String subject, String text) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            message.saveChanges();
            message.setHeader("Message-ID", "<" + deliveryId + "@communiques.ars.sante.fr>");
            message.setHeader("X-ARS-Delivery-Id", deliveryId);
            mail.send(message);
            return new WebhookSender.Result(true, "accepted by SMTP server");
        } catch (Exception e) {
            return new WebhookSender.Result(
                    false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    public WebhookSender.Result send(String to, PublicationPayload payload) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(payload.communique().title());
            String text =
                    payload.communique().body() + "\n\n" + payload.communique().url();
            StringBuilder html = new StringBuilder("<html><body><h1>")
                    .append(HtmlUtils.htmlEscape(payload.communique().title()))
                    .append("</h1>");
            for (String paragraph : payload.communique().body().split("\n\n")) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
            }
            html.append("</body></html>");
            helper.setText(text, html.toString());
            message.saveChanges();
            message.setHeader("Message-ID", "<" + payload.deliveryId() + "@communiques.ars.sante.fr>");
            message.setHeader("X-ARS-Delivery-Id", payload.deliveryId());
            mail.send(message);
            return new WebhookSender.Result(true, "accepted by SMTP server");
        } catch (Exception e) {
            return new WebhookSender.Result(
                    false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
