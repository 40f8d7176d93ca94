package fr.ars.coord.console.live;

import fr.ars.coord.console.security.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /console/live/changes}: the stream an open page is told on that what it shows may have changed
 * ({@code text/event-stream}, events {@code changed} with an id). A page resumes where it was with the id it last
 * had: {@code Last-Event-ID} (sent by the browser itself when it opens the stream again) or {@code since} (when the
 * page opens it again after being hidden). When this instance has as many streams as it allows: {@code 503} with
 * {@code Retry-After}, and the page asks for its live part now and then instead.
 */
@Controller
class LiveController {

    private static final String RETRY_AFTER_SECONDS = "30";
    private final LiveChanges changes;

    LiveController(LiveChanges changes) {
        this.changes = changes;
    }

    @GetMapping(path = "/live/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> changes(
            Authentication authentication,
            HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "since", required = false) String since) {
        try {
            SseEmitter emitter = changes.open(
                    Audience.of(StaffUser.from(authentication)),
                    request.getSession().getId(),
                    position(lastEventId != null ? lastEventId : since));
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    // a proxy on the way (nginx) passes each event on at once
                    .header("X-Accel-Buffering", "no")
                    .body(emitter);
        } catch (LiveChanges.Busy busy) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
    }

    /**
     * The id a page last had; one that is not an id of ours (altered, from an earlier release) counts as very old:
     * the page is told to ask again at once.
     */
    static Long position(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.strip();
        if (trimmed.length() > 19 || !trimmed.chars().allMatch(Character::isDigit)) {
            return 0L;
        }
        return Long.parseLong(trimmed);
    }
}
