package fr.ars.coord.region.impact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots of the national picture in MongoDB, one document each: the impacts as compressed JSON (a few MB for
 * tens of thousands of incidents, under MongoDB's document limit), with the positions and instant they cover.
 * Dropped on a rebuild of the read model (which follows a change in how events are merged) and taken again;
 * missing ones only make an {@code asOf} fold more events.
 */
@Component
public class ImpactSnapshotStore {

    static final String COLLECTION = "impact_snapshots";
    /**
     * The form of the impacts stored: raise it when {@link IncidentImpact} changes meaning. Snapshots of another form
     * are not read (2: every legal obligation's facts; 3: the obligation facts as the incident's one fold).
     */
    static final int FORMAT = 3;

    private final MongoTemplate mongo;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile SoftReference<ImpactSnapshot> lastRead = new SoftReference<>(null);

    public ImpactSnapshotStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The latest snapshot that includes only events recorded at or before {@code instant}. */
    public Optional<ImpactSnapshot> latestServing(Instant instant) {
        if (instant.isBefore(Instant.EPOCH)) {
            return Optional.empty(); // nothing was recorded then (and dates do not go that far)
        }
        // a millisecond earlier: dates are stored to the millisecond, the instants they cover are finer
        return byId(latestId(Criteria.where("recordedUntil")
                .lte(Date.from(instant.minusMillis(1)))
                .and("format")
                .is(FORMAT)));
    }

    /** The snapshot covering the most events, to build the next one from. */
    public Optional<ImpactSnapshot> latest() {
        return byId(latestId(Criteria.where("format").is(FORMAT)));
    }

    /** The global index of the last event the latest snapshot covers, -1 without any (its impacts not read). */
    public long latestUpTo() {
        return latestId(Criteria.where("format").is(FORMAT)).orElse(-1);
    }

    /** The id of the latest snapshot that meets {@code criteria}. */
    private OptionalLong latestId(Criteria criteria) {
        Query query =
                Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        query.fields().include("_id");
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null ? OptionalLong.empty() : OptionalLong.of(((Number) found.get("_id")).longValue());
    }

    /**
     * The snapshot of that id, decoded once: the last one read or stored is kept (while the heap allows), since
     * successive {@code asOf} of the same period, and the next snapshot, start from the same one. A snapshot's
     * content is fixed by its id: the events up to it, merged as this release merges them.
     */
    private Optional<ImpactSnapshot> byId(OptionalLong id) {
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ImpactSnapshot kept = lastRead.get();
        if (kept != null && kept.upTo() == id.getAsLong()) {
            return Optional.of(kept);
        }
        Optional<ImpactSnapshot> read = read(mongo.findById(id.getAsLong(), Document.class, COLLECTION));
        read.ifPresent(this::keep);
        return read;
    }

    private void keep(ImpactSnapshot snapshot) {
        lastRead = new SoftReference<>(snapshot);
    }

    /** Stores {@code snapshot}; the same snapshot taken twice (by two instances) is one document. */
    public void save(ImpactSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            json.writeValue(gzip, List.copyOf(snapshot.impacts().values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep(snapshot);
        mongo.save(
                new Document("_id", snapshot.upTo())
                        .append("recordedUntil", Date.from(snapshot.recordedUntil()))
                        .append("recordedUntilNanos", snapshot.recordedUntil().getNano())
                        .append("position", snapshot.position())
                        .append("format", FORMAT)
                        .append("impacts", new Binary(bytes.toByteArray())),
                COLLECTION);
    }

    public void clear() {
        lastRead = new SoftReference<>(null);
        mongo.dropCollection(COLLECTION);
    }

    private Optional<ImpactSnapshot> read(Document document) {
        if (document == null) {
            return Optional.empty();
        }
        // read one impact at a time into the map: the snapshot's incidents are held once, not twice
        Map<String, IncidentImpact> byId = new LinkedHashMap<>();
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(
                        document.get("impacts", Binary.class).getData()));
                MappingIterator<IncidentImpact> impacts =
                        json.readerFor(IncidentImpact.class).readValues(gzip)) {
            while (impacts.hasNextValue()) {
                IncidentImpact impact = impacts.nextValue();
                byId.put(impact.incidentId(), impact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant until = document.getDate("recordedUntil")
                .toInstant()
                .plusNanos(document.getInteger("recordedUntilNanos", 0) % 1_000_000);
        return Optional.of(new ImpactSnapshot(
                ((Number) document.get("_id")).longValue(), until, document.getLong("position"), byId));
    }
}
