package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import java.time.Instant;
import java.util.List;

/**
 * The incident's ENISA taxonomy class and TLP label, with who set them. Never classified: no class, the default
 * label, no {@code recordedAt}.
 */
public record ClassificationView(
        TaxonomyClass taxonomyClass,
        List<TaxonomyClass> relatedClasses,
        TlpLabel tlp,
        Instant recordedAt,
        Actor recordedBy) {

    static final ClassificationView UNCLASSIFIED =
            new ClassificationView(null, List.of(), TlpLabel.DEFAULT, null, null);
}
