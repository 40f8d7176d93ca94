package fr.ars.coord.notification.site;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.notification.communique.PublicChanges;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages: every published communiqué (national and regional, newest first, by pages of
 * {@value #PER_PAGE}), one page per communiqué, one per region, and the advice against phishing. HTML for people,
 * not part of the API. Each answer carries the version of what the public sees as its {@code ETag} and the time of
 * its last change as {@code Last-Modified}, and may be kept a minute by any cache; a conditional request for the
 * current version is answered {@code 304} without reading the communiqués.
 */
@Hidden
@Controller
class PublicSiteController {

    static final int PER_PAGE = 20;
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final CacheControl CACHEABLE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic().staleWhileRevalidate(Duration.ofMinutes(5));
    /** Pages with no script, styled by the stylesheet served beside them. */
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final PublicPages pages;
    private final CommuniqueViewStore communiques;

    PublicSiteController(PublicPages pages, CommuniqueViewStore communiques) {
        this.pages = pages;
        this.communiques = communiques;
    }

    @GetMapping({"/public", "/public/", "/public/communiques"})
    ResponseEntity<String> list(
            @RequestParam(name = "page", required = false) String page,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.IF_MODIFIED_SINCE, required = false) String ifModifiedSince) {
        return listed(null, page, ifNoneMatch, ifModifiedSince);
    }

    @GetMapping("/public/regions/{code}")
    ResponseEntity<String> region(
            @PathVariable String code,
            @RequestParam(name = "page", required = false) String page,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.IF_MODIFIED_SINCE, required = false) String ifModifiedSince) {
        Optional<Region> region = Arrays.stream(Region.values())
                .filter(r -> r.code().equalsIgnoreCase(code))
                .findFirst();
        if (region.isEmpty()) {
            return notFound("Cette région n'existe pas.");
        }
        return listed(region.get(), page, ifNoneMatch, ifModifiedSince);
    }

    @GetMapping("/public/communiques/{id}")
    ResponseEntity<String> communique(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.IF_MODIFIED_SINCE, required = false) String ifModifiedSince) {
        if (!ID.matcher(id).matches()) {
            return notFound("Ce communiqué n'existe pas ou n'a pas été publié.");
        }
        PublicChanges.Current current = pages.current();
        if (notModified(current, ifNoneMatch, ifModifiedSince)) {
            return notModified(current);
        }
        Optional<CommuniqueView> found =
                communiques.stored(id).filter(c -> c.publishedAt() != null && c.exerciseId() == null);
        if (found.isEmpty()) {
            return notFound("Ce communiqué n'existe pas ou n'a pas été publié.");
        }
        String html = pages.page("communique " + id, "public/communique", () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("communique", PublicCommunique.of(found.get()));
            model.put("regions", Region.values());
            return model;
        });
        return page(current, html);
    }

    @GetMapping("/public/conseils")
    ResponseEntity<String> advice(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.IF_MODIFIED_SINCE, required = false) String ifModifiedSince) {
        PublicChanges.Current current = pages.current();
        if (notModified(current, ifNoneMatch, ifModifiedSince)) {
            return notModified(current);
        }
        return page(current, pages.page("advice", "public/advice", () -> Map.of("regions", Region.values())));
    }

    private ResponseEntity<String> listed(Region region, String page, String ifNoneMatch, String ifModifiedSince) {
        int number = pageNumber(page);
        if (number < 1) {
            return notFound("Cette page n'existe pas.");
        }
        PublicChanges.Current current = pages.current();
        if (notModified(current, ifNoneMatch, ifModifiedSince)) {
            return notModified(current);
        }
        long total = pages.count(
                "list " + (region == null ? "" : region.code()), () -> communiques.countEverPublished(region));
        long last = Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        if (number > last) {
            return notFound("Cette page n'existe pas.");
        }
        String key = "list " + (region == null ? "" : region.code()) + " " + number;
        String html = pages.page(key, "public/list", () -> {
            List<PublicCommunique> shown = communiques.everPublished(region, (number - 1) * PER_PAGE, PER_PAGE).stream()
                    .map(PublicCommunique::of)
                    .toList();
            Map<String, Object> model = new HashMap<>();
            model.put("communiques", shown);
            model.put("region", region == null ? null : region.code());
            model.put("regionName", region == null ? null : region.displayName());
            model.put("regions", Region.values());
            model.put("page", number);
            model.put("pages", last);
            model.put("total", total);
            model.put("base", region == null ? "/public/communiques" : "/public/regions/" + region.code());
            return model;
        });
        return page(current, html);
    }

    /** The page asked for: 1 when none is; 0 (no such page) when it is not a number of at most 6 digits. */
    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        if (!page.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(page);
    }

    private static String etag(PublicChanges.Current current) {
        return current.etag("p");
    }

    private static boolean notModified(PublicChanges.Current current, String ifNoneMatch, String ifModifiedSince) {
        return current.isHeldBy(etag(current), ifNoneMatch, ifModifiedSince);
    }

    private static ResponseEntity<String> notModified(PublicChanges.Current current) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                .eTag(etag(current))
                .lastModified(current.changedAt())
                .cacheControl(CACHEABLE)
                .header("Content-Security-Policy", POLICY)
                .build();
    }

    private static ResponseEntity<String> page(PublicChanges.Current current, String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .eTag(etag(current))
                .lastModified(current.changedAt())
                .cacheControl(CACHEABLE)
                .header("Content-Security-Policy", POLICY)
                .body(html);
    }

    private ResponseEntity<String> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .header("Content-Security-Policy", POLICY)
                .body(pages.once("public/not-found", Map.of("message", message, "regions", Region.values())));
    }
}
