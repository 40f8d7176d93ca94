package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the sightings: values shared across regions, and a region's own observables with their echoes elsewhere. */
@Component
public class ObservableSightings {

    private final MongoTemplate mongo;
    private final ObservableValues values;
    private final SharedValues shared;
    /** What was made of the shared values at one count of their changes: made again once it moves on. */
    private volatile Views views;

    /**
     * The shared values as sightings by value, and the national lists made of them (by fewest regions), at the count
     * of changes {@code changes}: a list asked for again while nothing changed is neither read nor made again.
     */
    private record Views(
            long changes, Map<String, List<Sighting>> byValue, Map<Integer, List<SharedObservable>> lists) {}

    ObservableSightings(MongoTemplate mongo, ObservableValues values, SharedValues shared) {
        this.mongo = mongo;
        this.values = values;
        this.shared = shared;
    }

    /**
     * The values standing in two or more regions with their standing sightings, in the order recorded: what a
     * suggestion by shared observables can join (one read of the shared values, however many observables there are).
     */
    public Map<String, List<Sighting>> sharedByValue() {
        return views().byValue();
    }

    private Views views() {
        SharedValues.Snapshot snapshot = shared.current();
        Views known = views;
        if (known == null || known.changes() != snapshot.changes()) {
            Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
            snapshot.entries().forEach(entry -> byValue.put(entry.getString("_id"), sightings(entry)));
            known = new Views(
                    snapshot.changes(),
                    java.util.Collections.unmodifiableMap(byValue),
                    new java.util.concurrent.ConcurrentHashMap<>());
            views = known;
        }
        return known;
    }

    /** The observables standing on these incidents, in the order recorded. */
    public List<Sighting> ofIncidents(java.util.Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return read(Query.query(where("standing").is(true).and("incidentId").in(incidentIds)));
    }

    /**
     * The values standing in at least {@code minRegions} regions, those seen in the most regions first. From two
     * regions on, one read of the shared values; with one, every value (a list of all of them).
     */
    public List<SharedObservable> sharedAcross(int minRegions) {
        if (minRegions >= 2) {
            Views known = views();
            return known.lists()
                    .computeIfAbsent(
                            minRegions, m -> widestFirst(known.byValue().values(), m));
        }
        return widestFirst(
                values.all().stream()
                        .map(v -> sightings(new Document(v).append("sightings", SharedValues.standing(v))))
                        .toList(),
                minRegions);
    }

    private static List<SharedObservable> widestFirst(java.util.Collection<List<Sighting>> byValue, int minRegions) {
        List<SharedObservable> found = new ArrayList<>();
        for (List<Sighting> sightings : byValue) {
            List<Region> regions = regions(sightings);
            if (!sightings.isEmpty() && regions.size() >= minRegions) {
                Sighting first = sightings.get(0);
                found.add(new SharedObservable(first.type(), first.value(), regions, sightings));
            }
        }
        found.sort(Comparator.comparing((SharedObservable s) -> -s.regions().size())
                .thenComparing(s -> s.sightings().get(0).recordedAt())
                .thenComparing(s -> s.sightings().get(0).key()));
        return List.copyOf(found);
    }

    /**
     * Where a value stands, in its canonical form: its regions and standing sightings in the order recorded, none when
     * it was never recorded or every observable of it was withdrawn. One read by id, however many observables there are.
     */
    public SharedObservable lookup(ObservableType type, String canonicalValue) {
        Document value = values.find(ObservableSightingsProjection.key(type.typeName(), canonicalValue));
        if (value == null) {
            return new SharedObservable(type, canonicalValue, List.of(), List.of());
        }
        List<Sighting> standing = sightings(new Document("type", type.typeName())
                .append("value", canonicalValue)
                .append("sightings", SharedValues.standing(value)));
        return new SharedObservable(type, canonicalValue, regions(standing), standing);
    }

    /** The region's standing observables, each with the number (and, where labels allow, the names) of the others. */
    public List<RegionObservable> ofRegion(Region region) {
        List<Sighting> own =
                read(Query.query(where("standing").is(true).and("region").is(region.code())));
        if (own.isEmpty()) {
            return List.of();
        }
        // a value standing in another region stands in two: its entry is among the shared values
        Map<String, List<Sighting>> elsewhere = new HashMap<>();
        shared.ofKeys(own.stream().map(Sighting::key).distinct().toList())
                .forEach(entry -> elsewhere.put(
                        entry.getString("_id"),
                        sightings(entry).stream()
                                .filter(s -> s.region() != region)
                                .toList()));
        return own.stream()
                .map(s -> {
                    List<Sighting> others = elsewhere.getOrDefault(s.key(), List.of());
                    List<Region> named = regions(others.stream()
                            .filter(o -> o.tlp() == TlpLabel.GREEN || o.tlp() == TlpLabel.CLEAR)
                            .toList());
                    return new RegionObservable(
                            s.observableId(),
                            s.incidentId(),
                            s.type(),
                            s.value(),
                            s.role(),
                            s.tlp(),
                            regions(others).size(),
                            named);
                })
                .toList();
    }

    /** The sightings listed in a shared value's entry. */
    private static List<Sighting> sightings(Document entry) {
        ObservableType type = ObservableType.byName(entry.getString("type")).orElseThrow();
        String value = entry.getString("value");
        return entry.getList("sightings", Document.class).stream()
                .map(s -> new Sighting(
                        s.getString("observableId"),
                        s.getString("incidentId"),
                        Region.of(s.getString("region")),
                        type,
                        value,
                        ObservableRole.valueOf(s.getString("role")),
                        TlpLabel.byLabel(s.getString("tlp")).orElse(TlpLabel.RED),
                        s.getDate("recordedAt").toInstant()))
                .toList();
    }

    private List<Sighting> read(Query query) {
        query.with(org.springframework.data.domain.Sort.by("recordedAt", "incidentId", "sequence"));
        return mongo.find(query, Document.class, ObservableSightingsProjection.COLLECTION).stream()
                .filter(d -> d.getString("type") != null)
                .map(ObservableSightings::sighting)
                .toList();
    }

    private static Sighting sighting(Document d) {
        return new Sighting(
                d.getString("_id"),
                d.getString("incidentId"),
                Region.of(d.getString("region")),
                ObservableType.byName(d.getString("type")).orElseThrow(),
                d.getString("value"),
                ObservableRole.valueOf(d.getString("role")),
                TlpLabel.byLabel(d.getString("tlp")).orElse(TlpLabel.RED),
                d.getDate("recordedAt").toInstant());
    }

    private static List<Region> regions(List<Sighting> sightings) {
        return sightings.stream()
                .map(Sighting::region)
                .distinct()
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }
}
