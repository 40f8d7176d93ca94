package fr.ars.coord.notification.web;

import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An exercise's feed: the only channel its published communiqués reach. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ExerciseFeedController {

    private final CommuniqueViewStore list;

    ExerciseFeedController(CommuniqueViewStore list) {
        this.list = list;
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "getExerciseFeed",
            summary = "Follow an exercise's publications",
            description = "What an exercise published: its communiqués published (and superseded), newest first, each"
                    + " marked EXERCICE. They reach this feed alone: never the public feed, the public pages, webhooks,"
                    + " press addresses or public subscribers." + CommuniqueController.WHO_READS)
    @GetMapping("/api/exercise-feeds/{exerciseId}")
    List<CommuniqueView> exerciseFeed(
            @Parameter(description = "The exercise's id.") @PathVariable String exerciseId,
            Authentication authentication) {
        if (exerciseId.isBlank() || exerciseId.length() > 64) {
            throw new InvalidRequestException("exerciseId", "must be an exercise's id");
        }
        List<String> visible = CommuniqueAccessPolicy.visibleRegions(StaffMember.from(authentication));
        return list.publishedIn(exerciseId).stream()
                .filter(c -> visible == null
                        || (c.region() != null && visible.contains(c.region().code())))
                .toList();
    }
}
