package fr.ars.coord.notification.web;

import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueCommands.ApproveCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.MarkCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.PublishCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.WithdrawCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueStreams;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.notification.writing.CurrentDrafts;
import fr.ars.coord.notification.writing.Draft;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Communiqués for staff: read them, approve, publish, withdraw. Every change carries who made it. */
@RestController
@RequestMapping(path = "/api/communiques", produces = MediaType.APPLICATION_JSON_VALUE)
class CommuniqueController {

    private final CommuniqueStreams communiques;
    private final CommuniqueViewStore list;
    private final CurrentDrafts drafts;
    private final IdempotentCommands commands;

    CommuniqueController(
            CommuniqueStreams communiques,
            CommuniqueViewStore list,
            CurrentDrafts drafts,
            IdempotentCommands commands) {
        this.communiques = communiques;
        this.list = list;
        this.drafts = drafts;
        this.commands = commands;
    }

    @Schema(description = "Why the communiqué is withdrawn.")
    record WithdrawRequest(
            @Schema(example = "Chiffres corrigés : une nouvelle version suit.") @NotBlank @Size(max = 2000) @FreeText
            String reason) {}

    @Schema(description = "The TLP 2.0 label the communiqué circulates under before its publication.")
    record MarkRequest(
            @Schema(
                    description = "`TLP:CLEAR` to allow publication; any other label holds it back.",
                    example = "TLP:AMBER")
            @NotNull
            TlpLabel tlp,

            @Schema(description = "Why, plain text.", example = "Relecture par les partenaires sous embargo.")
            @Size(max = 2000)
            @FreeText
            String reason) {}

    static final String ID = "The communiqué's id.";
    static final String WHO_READS = " Regional staff see their region's communiqués and national ones once published;"
            + " the national cell and auditors see all. One the caller may not see answers `404`, as an unknown one.";
    static final String WHO_READS_ONE = WHO_READS + " The publication client sees the approved communiqués and the"
            + " published ones. A caller whose roles read no communiqué gets `403` whatever the id.";
    static final String UNSEEN = " A communiqué the caller may not see answers `404`, as an unknown one; a caller whose"
            + " roles allow this on no communiqué gets `403` whatever the id.";

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "listCommuniques",
            summary = "List communiqués",
            description = "The communiqués the caller may see, by region and status: the real ones, or with `exercise`"
                    + " that exercise's (marked EXERCICE) only." + WHO_READS)
    @GetMapping
    List<CommuniqueView> list(
            @Parameter(description = "Only this region's (ISO 3166-2 code).", schema = @Schema(example = "FR-HDF"))
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "Only communiqués with this status.") @RequestParam(required = false)
                    CommuniqueStatus status,
            @Parameter(description = "Only this exercise's communiqués (its id); absent, the real ones only.")
                    @RequestParam(required = false)
                    String exercise,
            Authentication authentication) {
        if (exercise != null && (exercise.isBlank() || exercise.length() > 64)) {
            throw new InvalidRequestException("exercise", "must be an exercise's id");
        }
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException(
                    "region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        List<String> visible = CommuniqueAccessPolicy.visibleRegions(StaffMember.from(authentication));
        if (visible != null && region != null && !visible.contains(region)) {
            throw new AccessDeniedException("another region's communiqués");
        }
        return list.find(visible, region, status, exercise);
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "getCommunique",
            summary = "Read a communiqué",
            description = "The communiqué's text, each sentence with the events it rests on, its status and who"
                    + " approved or published it." + WHO_READS_ONE)
    @ApiResponse(responseCode = "200", description = "The communiqué.")
    @ApiResponse(responseCode = "404", description = "No such communiqué visible to the caller.")
    @GetMapping("/{id}")
    CommuniqueView get(@Parameter(description = ID) @PathVariable String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueAccessPolicy.requireReaderRole(member);
        return visible(member, id);
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "approveCommunique",
            summary = "Approve a draft",
            description = "Approves the draft as it reads now, for the issuer the caller speaks for. Who may call it:"
                    + " the region's communication officer of the agency, and of its e-health group (GRADeS) when the"
                    + " communiqué is issued jointly (`issuers`); the national coordinator for a national"
                    + " communiqué. A joint communiqué stays a draft, with the approvals given so far (`approvals`),"
                    + " until every issuer approved it. Refused when it is not a draft, or the caller's issuer"
                    + " already approved this text (`409`)."
                    + UNSEEN)
    @ApiResponse(responseCode = "200", description = "Approved for the caller's issuer.")
    @ApiResponse(responseCode = "403", description = "The caller speaks for no issuer of this communiqué.")
    @ApiResponse(responseCode = "404", description = "No such communiqué visible to the caller.")
    @ApiResponse(responseCode = "409", description = "Not a draft, or already approved by the caller's issuer.")
    @PostMapping("/{id}/approve")
    CommuniqueView approve(@Parameter(description = ID) @PathVariable String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueAccessPolicy.requireSpokespersonRole(member);
        CommuniqueView communique = visible(member, id);
        send(new ApproveCommuniqueCommand(id, CommuniqueAccessPolicy.issuerSpokenFor(member, communique)), member);
        return after(communique);
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "publishCommunique",
            summary = "Publish an approved communiqué",
            description = "Publishes it exactly once: public feed and API, webhook subscribers, e-mail. Who may call"
                    + " it: the region's communication officer (the national coordinator for a national one) or the"
                    + " automated publication client. Refused when it is not approved, when the facts changed"
                    + " since its approval and the text was revised (`409`: approve the revised text first), or when"
                    + " it is marked with a TLP label other than `TLP:CLEAR` (`409`: only `TLP:CLEAR` goes public)."
                    + " The publication client sees only approved and published communiqués: to it, any other answers"
                    + " `404`." + UNSEEN)
    @ApiResponse(responseCode = "200", description = "Published.")
    @ApiResponse(responseCode = "404", description = "No such communiqué visible to the caller.")
    @ApiResponse(responseCode = "409", description = "Not approved, revised since its approval, or not `TLP:CLEAR`.")
    @PostMapping("/{id}/publish")
    CommuniqueView publish(@Parameter(description = ID) @PathVariable String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueAccessPolicy.requirePublisherRole(member);
        CommuniqueView communique = visible(member, id);
        CommuniqueAccessPolicy.requirePublisher(member, communique);
        String current = drafts.forScope(
                        communique.scope(), communique.region(), communique.campaignId(), communique.exerciseId())
                .map(Draft::digest)
                .orElse(null);
        send(new PublishCommuniqueCommand(id, current), member);
        return after(communique);
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "markCommunique",
            summary = "Label a communiqué for circulation (TLP)",
            description = "Drafts are `TLP:CLEAR`: written for the public. A spokesperson may restrict one not yet"
                    + " published (e.g. `TLP:AMBER` while partners review it under embargo); it cannot be published"
                    + " until it is marked `TLP:CLEAR` again. Who may call it: as for approving. Refused on a"
                    + " communiqué already published, withdrawn or superseded (`409`)." + UNSEEN)
    @ApiResponse(responseCode = "200", description = "Labelled.")
    @ApiResponse(responseCode = "404", description = "No such communiqué visible to the caller.")
    @ApiResponse(responseCode = "409", description = "Already published, withdrawn or superseded.")
    @PostMapping(path = "/{id}/marking", consumes = MediaType.APPLICATION_JSON_VALUE)
    CommuniqueView mark(
            @Parameter(description = ID) @PathVariable String id,
            @Valid @RequestBody MarkRequest request,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueAccessPolicy.requireSpokespersonRole(member);
        CommuniqueView communique = visible(member, id);
        CommuniqueAccessPolicy.requireSpokesperson(member, communique);
        send(
                new MarkCommuniqueCommand(
                        id,
                        request.tlp(),
                        request.reason() == null ? null : request.reason().strip()),
                member);
        return after(communique);
    }

    @Tag(name = ApiTags.COMMUNIQUES)
    @Operation(
            operationId = "withdrawCommunique",
            summary = "Withdraw a communiqué",
            description = "Withdraws a communiqué with the reason; a published one leaves the public feed. Who may"
                    + " call it: as for approving. Refused when superseded or already withdrawn (`409`)." + UNSEEN)
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @ApiResponse(responseCode = "404", description = "No such communiqué visible to the caller.")
    @ApiResponse(responseCode = "409", description = "Superseded or already withdrawn.")
    @PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    CommuniqueView withdraw(
            @Parameter(description = ID) @PathVariable String id,
            @Valid @RequestBody WithdrawRequest request,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueAccessPolicy.requireSpokespersonRole(member);
        CommuniqueView communique = visible(member, id);
        CommuniqueAccessPolicy.requireSpokesperson(member, communique);
        send(new WithdrawCommuniqueCommand(id, request.reason()), member);
        return after(communique);
    }

    /** Only after the caller's roles were checked: the communiqué, or the same 404 for unknown and not theirs. */
    private CommuniqueView visible(StaffMember member, String id) {
        return CommuniqueAccessPolicy.visible(member, communiques.find(id));
    }

    /**
     * The communiqué as the caller's change left it: the view read before the change, brought forward with the
     * events recorded since (its stream is not folded again from the first event).
     */
    private CommuniqueView after(CommuniqueView before) {
        return communiques.advance(before.id(), before).orElseThrow();
    }

    private void send(Object command, StaffMember member) {
        commands.send(command, member.toActor());
    }
}
