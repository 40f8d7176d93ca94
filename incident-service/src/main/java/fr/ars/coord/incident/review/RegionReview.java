package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.region.Region;
import java.util.List;

/**
 * The response of one region over a period (its incidents whose region became aware of them in it), computed from
 * what was recorded: the median and the worst of each delay, in seconds. {@code region} is null for every region's
 * incidents together (the national figures).
 *
 * @param incidents                 how many incidents
 * @param awarenessToRecord         from awareness to the incident's first record
 * @param awarenessToFirstPublished from awareness to the first published communiqué citing the incident (incidents
 *                                  with none are not counted in it)
 * @param obligations               each legal obligation that applied to some of them
 */
public record RegionReview(
        Region region,
        int incidents,
        Delay awarenessToRecord,
        Delay awarenessToFirstPublished,
        List<ObligationFigures> obligations) {

    /** A delay over {@code count} incidents: its median and its worst; null when none had it. */
    public record Delay(int count, Long medianSeconds, Long worstSeconds) {}

    /**
     * One obligation over the period: to how many incidents it applied, how many met it, how many on time, waived,
     * or past due and still unmet; {@code onTimePercent} is the share met on time of those met or past due (null when
     * none is yet); {@code toMeet} from its clock's start to when it was met.
     */
    public record ObligationFigures(
            ObligationCode code,
            Authority authority,
            int applicable,
            int met,
            int metOnTime,
            int waived,
            int overdue,
            Double onTimePercent,
            Delay toMeet) {}
}
