package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.region.reference.RegionCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Aggregates incident impacts into the per-region and national picture, with clocks read at a given instant. */
public final class ImpactCalculator {

    static final long CRITICAL_PATIENTS = 100_000;
    static final long HIGH_PATIENTS = 10_000;
    static final long MODERATE_PATIENTS = 1_000;

    /** Regions in the picture: the highest impact level first, then by code. */
    private static final Comparator<RegionImpact> MOST_AFFECTED_FIRST =
            Comparator.comparing(RegionImpact::impactLevel).reversed().thenComparing(RegionImpact::code);

    /** The most incident ids and overdue clocks a region lists in a picture, by default. */
    public static final int DEFAULT_LISTED_PER_REGION = 200;

    private final IncidentObligations obligations;
    private final int listedPerRegion;

    public ImpactCalculator(IncidentObligations obligations) {
        this(obligations, DEFAULT_LISTED_PER_REGION);
    }

    /**
     * @param listedPerRegion the most incident ids and overdue clocks each region lists: a picture's size no
     *                        longer grows with the number of incidents (the counts stay whole)
     */
    public ImpactCalculator(IncidentObligations obligations, int listedPerRegion) {
        if (listedPerRegion < 1) {
            throw new IllegalArgumentException("listedPerRegion must be at least 1");
        }
        this.obligations = obligations;
        this.listedPerRegion = listedPerRegion;
    }

    public int listedPerRegion() {
        return listedPerRegion;
    }

    public NationalImpact compute(Collection<IncidentImpact> incidents, long position, Instant at, boolean asOfView) {
        Map<String, List<IncidentImpact>> byRegion = incidents.stream()
                .filter(IncidentImpact::isReported)
                .collect(Collectors.groupingBy(impact -> impact.region().code(), TreeMap::new, Collectors.toList()));
        List<RegionImpact> regions = byRegion.entrySet().stream()
                .map(e -> region(e.getKey(), e.getValue(), at))
                .sorted(MOST_AFFECTED_FIRST)
                .toList();
        return new NationalImpact(
                NationalTotals.over(regions), regions, position, at, asOfView, false, listedPerRegion);
    }

    /** The national picture from the maintained summaries, clocks read at {@code at}. */
    public NationalImpact compute(NationalPicture picture, Instant at) {
        List<RegionImpact> regions = picture.summaries().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> region(e.getKey(), e.getValue(), picture))
                .sorted(MOST_AFFECTED_FIRST)
                .toList();
        return new NationalImpact(
                NationalTotals.over(regions), regions, picture.position(), at, false, false, listedPerRegion);
    }

    /** One region's impact from the maintained summaries; {@code NONE} with zero counts when it has no incident. */
    public RegionImpact regionOrNone(String code, NationalPicture picture) {
        RegionSummary summary = picture.summaries().getOrDefault(code, RegionSummary.EMPTY);
        return summary.isEmpty() ? none(code) : region(code, summary, picture);
    }

    private RegionImpact region(String code, RegionSummary summary, NationalPicture picture) {
        List<OverdueClock> overdue = picture.overdueClocks().getOrDefault(code, List.of());
        int overdueCount = picture.overdueCounts().getOrDefault(code, 0);
        List<ExposedDataItem> exposed = List.copyOf(summary.exposedData().keySet());
        boolean medical = summary.medicalDataExposed() > 0;
        OperationalImpact worst = summary.worstOperationalImpact();
        ImpactLevel level = level(exposed, medical, worst, summary.estimatedPatients(), overdueCount > 0);
        return new RegionImpact(
                code,
                RegionCatalog.nameOf(code),
                summary.incidentsOpen(),
                summary.incidentsClosed(),
                summary.estimatedPatients(),
                exposed,
                medical,
                worst,
                List.copyOf(summary.containmentActions().keySet()),
                summary.statusCounts(),
                listed(overdue),
                level,
                summary.lastEventAt(),
                listed(picture.incidentIds().getOrDefault(code, List.of())),
                overdueCount);
    }

    private static RegionImpact none(String code) {
        return new RegionImpact(
                code,
                RegionCatalog.nameOf(code),
                0,
                0,
                0,
                List.of(),
                false,
                OperationalImpact.NONE,
                List.of(),
                Map.of(),
                List.of(),
                ImpactLevel.NONE,
                null,
                List.of(),
                0);
    }

    /**
     * The obligations of an open incident that have started, apply and are not met yet, with their due times: they
     * are overdue once those have passed.
     */
    List<OverdueClock> unmetClocks(IncidentImpact incident) {
        return openClocks(incident).stream()
                .map(c -> new OverdueClock(incident.incidentId(), c.authority(), c.dueAt(), c.code()))
                .toList();
    }

    /** The clocks of {@link #unmetClocks}, with when each started. */
    List<RegulatoryClock> openClocks(IncidentImpact incident) {
        if (!incident.isReported() || !incident.isOpen()) {
            return List.of();
        }
        return obligations.clocks(facts(incident), incident.awareAt()).stream()
                .filter(RegulatoryClock::stillToMeet)
                .toList();
    }

    /** Every open obligation of {@code incidents} at {@code at}, of {@code status} when given, soonest due first. */
    public List<OpenObligation> openObligations(
            Collection<IncidentImpact> incidents, String region, RegulatoryClock.ClockStatus status, Instant at) {
        List<OpenObligation> open = new ArrayList<>();
        for (IncidentImpact incident : incidents) {
            if (!incident.isReported()
                    || !incident.isOpen()
                    || (region != null && !incident.region().code().equals(region))) {
                continue;
            }
            for (RegulatoryClock clock : obligations.clocks(facts(incident), at)) {
                if (clock.stillToMeet() && (status == null || clock.status() == status)) {
                    open.add(OpenObligation.of(
                            incident.region(),
                            incident.incidentId(),
                            clock.code(),
                            clock.startedAt(),
                            clock.dueAt(),
                            clock.status(),
                            at));
                }
            }
        }
        open.sort(OpenObligation.ORDER);
        return open;
    }

    /** When the open {@code clock} of {@code incident} becomes DUE_SOON, by the terms stamped in the incident. */
    Instant dueSoonFrom(IncidentImpact incident, RegulatoryClock clock) {
        return obligations.policyFor(facts(incident)).dueSoonFrom(clock.startedAt(), clock.dueAt());
    }

    /** The status at {@code at} of an obligation not met, due at {@code due}, DUE_SOON from {@code dueSoonFrom}. */
    static RegulatoryClock.ClockStatus unmetStatus(Instant dueSoonFrom, Instant due, Instant at) {
        return at.isAfter(due)
                ? RegulatoryClock.ClockStatus.OVERDUE
                : !at.isBefore(dueSoonFrom)
                        ? RegulatoryClock.ClockStatus.DUE_SOON
                        : RegulatoryClock.ClockStatus.PENDING;
    }

    RegionImpact region(String code, List<IncidentImpact> incidents, Instant at) {
        int open = (int) incidents.stream().filter(IncidentImpact::isOpen).count();
        long patients =
                incidents.stream().mapToLong(IncidentImpact::estimatedPatients).sum();
        TreeSet<ExposedDataItem> exposed = new TreeSet<>();
        TreeSet<ContainmentAction> actions = new TreeSet<>();
        Map<IncidentStatus, Integer> statuses = new EnumMap<>(IncidentStatus.class);
        List<OverdueClock> overdue = new ArrayList<>();
        boolean medical = false;
        OperationalImpact worst = OperationalImpact.NONE;
        Instant last = null;
        for (IncidentImpact incident : incidents) {
            exposed.addAll(incident.exposedData());
            actions.addAll(incident.containmentActions());
            statuses.merge(incident.status(), 1, Integer::sum);
            medical |= incident.medicalDataExposed();
            if (incident.operationalImpact().compareTo(worst) > 0) {
                worst = incident.operationalImpact();
            }
            if (last == null || incident.lastEventAt().isAfter(last)) {
                last = incident.lastEventAt();
            }
            overdue.addAll(overdueClocks(incident, at));
        }
        overdue.sort(OverdueClock.ORDER);
        ImpactLevel level = level(exposed, medical, worst, patients, !overdue.isEmpty());
        List<String> ids = incidents.stream()
                .map(IncidentImpact::incidentId)
                .sorted()
                .limit(listedPerRegion)
                .toList();
        return new RegionImpact(
                code,
                RegionCatalog.nameOf(code),
                open,
                incidents.size() - open,
                patients,
                List.copyOf(exposed),
                medical,
                worst,
                List.copyOf(actions),
                statuses,
                listed(overdue),
                level,
                last,
                ids,
                overdue.size());
    }

    /** The first {@code listedPerRegion} of {@code items}. */
    private <T> List<T> listed(List<T> items) {
        return List.copyOf(items.size() <= listedPerRegion ? items : items.subList(0, listedPerRegion));
    }

    private List<OverdueClock> overdueClocks(IncidentImpact incident, Instant at) {
        if (!incident.isOpen()) {
            return List.of();
        }
        return obligations.clocks(facts(incident), at).stream()
                .filter(c -> c.status() == RegulatoryClock.ClockStatus.OVERDUE)
                .map(c -> new OverdueClock(incident.incidentId(), c.authority(), c.dueAt(), c.code()))
                .toList();
    }

    private ObligationFacts facts(IncidentImpact incident) {
        return incident.obligationFacts();
    }

    static ImpactLevel level(
            Collection<ExposedDataItem> exposed,
            boolean medical,
            OperationalImpact worst,
            long patients,
            boolean clockOverdue) {
        if (medical
                || exposed.contains(ExposedDataItem.MEDICAL_RECORD)
                || worst == OperationalImpact.SEVERE
                || patients >= CRITICAL_PATIENTS) {
            return ImpactLevel.CRITICAL;
        }
        if (exposed.contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER)
                || worst == OperationalImpact.DEGRADED
                || patients >= HIGH_PATIENTS
                || clockOverdue) {
            return ImpactLevel.HIGH;
        }
        if (!exposed.isEmpty() || patients >= MODERATE_PATIENTS) {
            return ImpactLevel.MODERATE;
        }
        return ImpactLevel.LOW;
    }
}
