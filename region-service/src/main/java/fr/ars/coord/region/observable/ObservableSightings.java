package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.util.ArrayList;
import java.util.Comparator;
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

    ObservableSightings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every standing sighting, grouped by value, in the order recorded (an incident's in its stream's order). */
    public Map<String, List<Sighting>> standingByValue() {
        return byValue(read(Query.query(where("standing").is(true))));
    }

    /** The observables standing on these incidents, in the order recorded. */
    public List<Sighting> ofIncidents(java.util.Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return read(Query.query(where("standing").is(true).and("incidentId").in(incidentIds)));
    }

    /** The values standing in at least {@code minRegions} regions, those seen in the most regions first. */
    public List<SharedObservable> sharedAcross(int minRegions) {
        List<SharedObservable> shared = new ArrayList<>();
        standingByValue().values().forEach(sightings -> {
            List<Region> regions = regions(sightings);
            if (regions.size() >= minRegions) {
                Sighting first = sightings.get(0);
                shared.add(new SharedObservable(first.type(), first.value(), regions, sightings));
            }
        });
        shared.sort(Comparator.comparing((SharedObservable s) -> -s.regions().size())
                .thenComparing(s -> s.sightings().get(0).recordedAt()));
        return shared;
    }

    /** The region's standing observables, each with the number (and, where labels allow, the names) of the others. */
    public List<RegionObservable> ofRegion(Region region) {
        List<Sighting> own =
                read(Query.query(where("standing").is(true).and("region").is(region.code())));
        if (own.isEmpty()) {
            return List.of();
        }
        List<String> keys = own.stream().map(Sighting::key).distinct().toList();
        Map<String, List<Sighting>> elsewhere = byValue(read(Query.query(
                where("standing").is(true).and("key").in(keys).and("region").ne(region.code()))));
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

    private static Map<String, List<Sighting>> byValue(List<Sighting> sightings) {
        Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
        sightings.forEach(
                s -> byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        return byValue;
    }

    private static List<Region> regions(List<Sighting> sightings) {
        return sightings.stream()
                .map(Sighting::region)
                .distinct()
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }
}
