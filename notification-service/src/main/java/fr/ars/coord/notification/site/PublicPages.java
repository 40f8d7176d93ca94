package fr.ars.coord.notification.site;

import fr.ars.coord.notification.communique.PublicChanges;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public pages as last rendered, for the current version of what the public sees. The version is read once a
 * second (one document by id), whatever the number of readers: a reader who holds the current page gets {@code 304}
 * from memory, and the first reader of a page after a change renders it for the others.
 */
@Component
class PublicPages {

    /** Distinct pages kept per version: the lists' pages, the communiqués, the regions, the advice. */
    private static final int KEPT = 512;

    private final PublicChanges changes;
    private final ITemplateEngine templates;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private final Map<String, Long> counted = new ConcurrentHashMap<>();
    private volatile PublicChanges.Current current;

    PublicPages(PublicChanges changes, ITemplateEngine templates) {
        this.changes = changes;
        this.templates = templates;
    }

    /** The version the pages are rendered for (as read at most a second ago): the pages of an older one are dropped. */
    PublicChanges.Current current() {
        PublicChanges.Current recent = changes.recent();
        if (!recent.equals(current)) {
            synchronized (this) {
                if (!recent.equals(current)) {
                    current = recent;
                    rendered.clear();
                    counted.clear();
                }
            }
        }
        return recent;
    }

    /** The page under {@code key}, rendered from {@code template} and its model the first time it is asked for. */
    String page(String key, String template, Supplier<Map<String, Object>> model) {
        // the version in the key: a page rendered from what was read before a change is never served after it
        key = current().version() + " " + key;
        String html = rendered.get(key);
        if (html != null) {
            return html;
        }
        html = templates.process(template, new Context(Locale.FRANCE, model.get()));
        if (rendered.size() < KEPT) {
            rendered.put(key, html);
        }
        return html;
    }

    /** A count the pages depend on (how many communiqués a list has), read once per version. */
    long count(String key, java.util.function.LongSupplier count) {
        return counted.computeIfAbsent(current().version() + " " + key, k -> count.getAsLong());
    }

    /** A page not kept (an unknown address): rendered each time. */
    String once(String template, Map<String, Object> model) {
        return templates.process(template, new Context(Locale.FRANCE, model));
    }
}
