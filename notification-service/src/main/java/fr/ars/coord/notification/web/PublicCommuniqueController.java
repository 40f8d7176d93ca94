package fr.ars.coord.notification.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueStreams;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.notification.communique.PublicChanges;
import fr.ars.coord.notification.config.NotificationProperties;
import fr.ars.coord.platform.rules.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public sees, without authentication: published communiqués, and superseded ones with a link to
 * their correction. Drafts, approvals and withdrawn texts never appear here.
 */
@RestController
class PublicCommuniqueController {

    private static final String FEED_ID = "urn:uuid:5b7e1c3a-0d4e-4f59-9a51-7c2e4d8f1a06";

    /** As the public pages: a reader's copy is current for a minute, then kept while it is asked about again. */
    private static final CacheControl CACHEABLE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic().staleWhileRevalidate(Duration.ofMinutes(5));

    private final CommuniqueViewStore list;
    private final CommuniqueStreams communiques;
    private final PublicChanges changes;
    private final String baseUrl;
    /** The feed as last written, with the version of what the public sees it reflects. */
    private volatile Written lastFeed;

    private record Written(long version, String text) {}

    PublicCommuniqueController(
            CommuniqueViewStore list,
            CommuniqueStreams communiques,
            PublicChanges changes,
            NotificationProperties properties) {
        this.changes = changes;
        this.list = list;
        this.communiques = communiques;
        this.baseUrl = properties.publicBaseUrl();
    }

    record PublicCommunique(
            String id,
            CommuniqueScope scope,
            Region region,
            String regionName,
            String title,
            String body,
            Instant publishedAt,
            CommuniqueStatus status,
            String supersedes,
            String supersededBy,

            @Schema(description = "The communiqué as JSON (this resource).")
            String url,

            @Schema(description = "Its public page, for people: `/public/communiques/{id}`.")
            String page) {}

    @Tag(name = ApiTags.PUBLIC)
    @SecurityRequirements
    @Operation(
            operationId = "listPublishedCommuniques",
            summary = "List published communiqués",
            description = "Published communiqués, and superseded ones with a link to their correction, newest first."
                    + " Public: no sign-in.")
    @GetMapping(path = "/api/public/communiques", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PublicCommunique> all() {
        return list.published().stream().map(this::toPublic).toList();
    }

    @Tag(name = ApiTags.PUBLIC)
    @SecurityRequirements
    @Operation(
            operationId = "getPublishedCommunique",
            summary = "Read a published communiqué",
            description = "One published or superseded communiqué. Public: no sign-in; drafts, approved and withdrawn"
                    + " communiqués answer `404`.")
    @ApiResponse(responseCode = "200", description = "The communiqué.")
    @ApiResponse(responseCode = "404", description = "No such published communiqué.")
    @GetMapping(path = "/api/public/communiques/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicCommunique one(@Parameter(description = "The communiqué's id.") @PathVariable String id) {
        return communiques
                .find(id)
                .filter(c -> c.status() == CommuniqueStatus.PUBLISHED || c.status() == CommuniqueStatus.SUPERSEDED)
                .filter(c -> c.exerciseId() == null)
                .map(this::toPublic)
                .orElseThrow(() -> new NotFoundException("No such published communiqué."));
    }

    @Tag(name = ApiTags.PUBLIC)
    @SecurityRequirements
    @Operation(
            operationId = "getCommuniqueFeed",
            summary = "Follow published communiqués (Atom)",
            description = "The published communiqués as an Atom 1.0 feed, for feed readers and press agencies. Public:"
                    + " no sign-in.")
    @ApiResponse(
            responseCode = "200",
            description = "The feed; `ETag` names the version of what the public sees, for `If-None-Match`; cacheable"
                    + " by anyone a minute (`Cache-Control: public`).",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", ref = "#/components/headers/ETag"),
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/atom+xml",
                            schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "304",
            description = "The reader's copy (its `If-None-Match` or `If-Modified-Since`) is current.",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", ref = "#/components/headers/ETag"))
    @GetMapping(path = "/feeds/communiques.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atom(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MODIFIED_SINCE, required = false)
                    String ifModifiedSince)
            throws FeedException {
        // the version is read before the communiqués: a feed written meanwhile is at least as new as its tag says
        PublicChanges.Current current = changes.recent();
        String etag = current.etag("f");
        if (current.isHeldBy(etag, ifNoneMatch, ifModifiedSince)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .lastModified(current.changedAt())
                    .cacheControl(CACHEABLE)
                    .build();
        }
        Written known = lastFeed;
        if (known == null || known.version() != current.version()) {
            known = new Written(current.version(), written());
            lastFeed = known;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .eTag(etag)
                .lastModified(current.changedAt())
                .cacheControl(CACHEABLE)
                .body(known.text());
    }

    private String written() throws FeedException {
        List<CommuniqueView> published = list.published();
        Feed feed = new Feed("atom_1.0");
        feed.setId(FEED_ID);
        feed.setTitle("Communiqués des agences régionales de santé — cyberincidents");
        Link self = new Link();
        self.setRel("self");
        self.setHref(baseUrl + "/feeds/communiques.atom");
        feed.setOtherLinks(List.of(self));
        Person author = new Person();
        author.setName("Agences régionales de santé");
        feed.setAuthors(List.of(author));
        feed.setUpdated(Date.from(published.stream()
                .map(CommuniqueView::publishedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        List<Entry> entries = new ArrayList<>();
        for (CommuniqueView communique : published) {
            PublicCommunique p = toPublic(communique);
            Entry entry = new Entry();
            entry.setId("urn:uuid:" + p.id());
            entry.setTitle(p.title());
            entry.setUpdated(Date.from(p.publishedAt()));
            entry.setPublished(Date.from(p.publishedAt()));
            // every issuer of a joint communiqué
            entry.setAuthors(communique.issuers().stream()
                    .map(issuer -> {
                        Person person = new Person();
                        person.setName(issuer.displayName(communique.region()));
                        return (com.rometools.rome.feed.synd.SyndPerson) person;
                    })
                    .toList());
            // a feed reader opens the page; a program may follow the JSON
            Link alternate = new Link();
            alternate.setRel("alternate");
            alternate.setType("text/html");
            alternate.setHref(p.page());
            Link data = new Link();
            data.setRel("alternate");
            data.setType("application/json");
            data.setHref(p.url());
            List<Link> links = new ArrayList<>(List.of(alternate, data));
            if (p.supersededBy() != null) {
                Link correction = new Link();
                correction.setRel("related");
                correction.setType("text/html");
                correction.setTitle("Version corrigée");
                correction.setHref(baseUrl + "/public/communiques/" + p.supersededBy());
                links.add(correction);
            }
            entry.setAlternateLinks(links);
            Content content = new Content();
            content.setType("text");
            content.setValue((p.supersededBy() != null ? "[Remplacé par une version corrigée] " : "") + p.body());
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        feed.setEntries(entries);
        return new WireFeedOutput().outputString(feed);
    }

    private PublicCommunique toPublic(CommuniqueView c) {
        String regionName = c.region() == null ? null : c.region().displayName();
        return new PublicCommunique(
                c.id(),
                c.scope(),
                c.region(),
                regionName,
                c.title(),
                c.body(),
                c.publishedAt(),
                c.status(),
                c.supersedes(),
                c.supersededBy(),
                baseUrl + "/api/public/communiques/" + c.id(),
                baseUrl + "/public/communiques/" + c.id());
    }
}
