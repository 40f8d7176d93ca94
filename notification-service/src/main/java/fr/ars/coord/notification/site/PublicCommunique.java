package fr.ars.coord.notification.site;

import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.notification.communique.CommuniqueView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A communiqué as its public page shows it: its text in paragraphs, who issued it, when, and what became of it
 * (corrected, withdrawn). Nothing else of the communiqué's record (its sources, who approved it) is public.
 */
record PublicCommunique(
        String id,
        String title,
        List<String> paragraphs,
        List<String> issuers,
        String regionCode,
        String regionName,
        String publishedOn,
        String publishedAt,
        boolean superseded,
        boolean withdrawn,
        String supersedes,
        String supersededBy,
        String withdrawnOn,
        String withdrawalReason) {

    static final String NATIONAL_CELL = "Cellule nationale de coordination des cyber-incidents en santé";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(PARIS);

    static PublicCommunique of(CommuniqueView c) {
        return new PublicCommunique(
                c.id(),
                c.title(),
                paragraphs(c.body()),
                issuers(c),
                c.region() == null ? null : c.region().code(),
                c.region() == null ? null : c.region().displayName(),
                on(c.publishedAt()),
                c.publishedAt().toString(),
                c.status() == CommuniqueStatus.SUPERSEDED,
                c.status() == CommuniqueStatus.WITHDRAWN,
                c.supersedes(),
                c.supersededBy(),
                on(c.withdrawnAt()),
                c.withdrawalReason());
    }

    /**
     * Who speaks: the region's agency for a regional communiqué, with its e-health group (GRADeS) when they issue it
     * jointly; the national cell for a national one.
     */
    static List<String> issuers(CommuniqueView c) {
        if (c.scope() == CommuniqueScope.NATIONAL || c.region() == null) {
            return List.of(NATIONAL_CELL);
        }
        return c.issuers().stream().map(i -> i.displayName(c.region())).toList();
    }

    /** The date as a French reader writes it, in Paris time: "5 décembre 2026 à 14h30". */
    static String on(Instant at) {
        return at == null ? null : FRENCH.format(at);
    }

    private static List<String> paragraphs(String body) {
        if (body == null) {
            return List.of();
        }
        return Arrays.stream(body.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
