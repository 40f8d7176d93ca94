package fr.ars.coord.region.web;

import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every {@code asOf} of the national picture must be: an instant not in the future and from the year 0001
 * (an RFC 3339 date-time; the answer echoes it), within the caller's one allowance for all of them (a picture folded
 * from history, whether the impact or the list of obligations), {@code 429} beyond.
 */
@Component
class AsOfRequests {

    static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    private final RebuildAllowance allowance;

    AsOfRequests(
            Clock clock,
            @Value("${ars.national.as-of-per-minute:30}") int perMinute,
            @Value("${ars.national.as-of-burst:10}") int burst) {
        this.allowance = new RebuildAllowance(perMinute, burst, clock);
    }

    /** Checks {@code asOf} against {@code now} and takes one from {@code member}'s allowance. */
    void admit(Instant asOf, Instant now, StaffMember member) {
        if (asOf.isAfter(now)) {
            throw new InvalidRequestException("asOf", "must not be in the future");
        }
        if (asOf.isBefore(FIRST_INSTANT)) {
            throw new InvalidRequestException("asOf", "must be from the year 0001 on");
        }
        allowance.take(member.subject());
    }
}
