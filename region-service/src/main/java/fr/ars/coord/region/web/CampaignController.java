package fr.ars.coord.region.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.exercise.RecordedExercises;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.text.FreeText;
import fr.ars.coord.region.campaign.CampaignRuleViolation;
import fr.ars.coord.region.campaign.CampaignSuggestion;
import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.campaign.Campaigns;
import fr.ars.coord.region.campaign.LinkIncidentCommand;
import fr.ars.coord.region.campaign.OpenCampaignCommand;
import fr.ars.coord.region.campaign.UnlinkIncidentCommand;
import fr.ars.coord.region.sharing.CampaignBundles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * National campaigns: the national cell opens one and links the regional incidents of one attack to it.
 * Every change is an event carrying who made it.
 */
@RestController
@RequestMapping(path = "/api/national/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignController {

    private final IdempotentCommands commands;
    private final Campaigns campaigns;
    private final RecordedExercises exercises;
    private final Clock clock;
    private final CampaignBundles bundles;

    CampaignController(
            IdempotentCommands commands,
            Campaigns campaigns,
            Clock clock,
            CampaignBundles bundles,
            RecordedExercises exercises) {
        this.exercises = exercises;
        this.bundles = bundles;
        this.commands = commands;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Schema(description = "A campaign to open.")
    record OpenCampaignRequest(
            @Schema(example = "Usurpation de comptes de professionnels de santé, novembre 2025")
            @NotBlank
            @Size(max = 200)
            @FreeText
            String title,

            @Schema(example = "Comptes usurpés sur les serveurs e-santé de plusieurs régions.")
            @Size(max = 4000)
            @FreeText
            String description,

            @Schema(
                    description = "An exercise's id: the campaign is then that exercise's, gathering its incidents"
                            + " only, marked EXERCICE, never listed nor shared with the real ones; it must be running"
                            + " (`409` once ended).",
                    example = "3f0c1d2e-5b6a-4c7d-8e9f-0a1b2c3d4e5f")
            @Size(max = 64)
            // absent from a real campaign's fingerprint, as from every one before exercises had campaigns: a retry of
            // an earlier creation matches it
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String exerciseId) {}

    @Schema(description = "The incident to link.")
    record LinkIncidentRequest(
            @Schema(example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31") @NotBlank @Size(max = 64)
            String incidentId) {}

    @Schema(description = "The campaign opened.")
    record CampaignOpened(
            @Schema(example = "0c6f3a52-8a51-4a43-9d1e-2f4f3f0b6a10")
            String id) {}

    @Schema(description = "The link made or undone.")
    record LinkChanged(
            @Schema(example = "0c6f3a52-8a51-4a43-9d1e-2f4f3f0b6a10")
            String campaignId,

            @Schema(example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31")
            String incidentId) {}

    static final String CAMPAIGN_ID = "The campaign's id.";

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "openCampaign",
            summary = "Open a national campaign",
            description = "Opens a campaign to gather the regional incidents of one attack. Who may call it: national"
                    + " coordinators. With an `Idempotency-Key`, a retry answers the same id and opens nothing new.")
    @ApiResponse(responseCode = "201", description = "Opened: `Location` names the campaign.")
    @ApiResponse(responseCode = "400", description = "`exerciseId` names no exercise.")
    @ApiResponse(responseCode = "409", description = "The exercise named has ended.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CampaignOpened> open(
            @Valid @RequestBody OpenCampaignRequest request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        String exerciseId =
                request.exerciseId() == null ? null : request.exerciseId().strip();
        // an unknown exercise is the request's mistake (400); whether it still runs, the campaign decides with the
        // exercise's lock held (409)
        if (exerciseId != null && exercises.find(exerciseId).isEmpty()) {
            throw new InvalidRequestException("exerciseId", "is not an exercise's id");
        }
        IdempotentCommands.Created created = commands.create(
                "campaign",
                member.toActor(),
                key,
                request,
                id -> new OpenCampaignCommand(id, request.title().strip(), request.description(), exerciseId));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.created(URI.create("/api/national/campaigns/" + created.id()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new CampaignOpened(created.id()));
    }

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "linkIncidentToCampaign",
            summary = "Link an incident to the campaign",
            description = "Adds a regional incident to the campaign. An incident belongs to one campaign at most: a"
                    + " link to a second one is refused, also when two are made at the same moment (exactly one"
                    + " succeeds). An exercise's campaign links that exercise's incidents only, a real campaign real"
                    + " ones only: any other is unknown to it (`404`). Who may call it: national coordinators.")
    @ApiResponse(responseCode = "201", description = "Linked.")
    @ApiResponse(responseCode = "404", description = "No such campaign or incident.")
    @ApiResponse(
            responseCode = "409",
            description = "Already linked to this or another campaign, or the campaign's exercise has ended.")
    @PostMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LinkChanged> link(
            @Parameter(description = CAMPAIGN_ID) @PathVariable String id,
            @Valid @RequestBody LinkIncidentRequest request,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        requireCampaign(id);
        String exerciseId = campaigns.exerciseOf(id).orElse(null);
        Region region = campaigns
                .incidentRegion(request.incidentId(), exerciseId)
                .orElseThrow(() -> new NotFoundException("No such incident."));
        campaigns
                .campaignOf(request.incidentId())
                .filter(other -> !other.equals(id))
                .ifPresent(other -> {
                    throw new CampaignRuleViolation("This incident is already linked to campaign " + other + ".");
                });
        try {
            commands.send(
                    new LinkIncidentCommand(id, request.incidentId(), region), member.toActor(), null, "link", request);
        } catch (RuntimeException e) {
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                    && "23505".equals(sql.getSQLState())) {
                // the claim written with the link event: another campaign linked it at the same moment
                throw new CampaignRuleViolation("This incident is already linked to another campaign.");
            }
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/national/campaigns/" + id))
                .body(new LinkChanged(id, request.incidentId()));
    }

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "unlinkIncidentFromCampaign",
            summary = "Unlink an incident from the campaign",
            description = "Removes a link made by mistake, with the reason; the link and its removal stay in the"
                    + " campaign's history. Who may call it: national coordinators.")
    @ApiResponse(responseCode = "200", description = "Unlinked.")
    @ApiResponse(responseCode = "404", description = "No such campaign.")
    @ApiResponse(
            responseCode = "409",
            description = "The incident is not linked to this campaign, or the campaign's exercise has ended.")
    @DeleteMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    LinkChanged unlink(
            @Parameter(description = CAMPAIGN_ID) @PathVariable String id,
            @Valid @RequestBody UnlinkIncidentLinkRequest request,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        requireCampaign(id);
        commands.send(
                new UnlinkIncidentCommand(id, request.incidentId(), request.reason()),
                member.toActor(),
                null,
                "unlink",
                request);
        return new LinkChanged(id, request.incidentId());
    }

    @Schema(description = "The link to undo, and why.")
    record UnlinkIncidentLinkRequest(
            @Schema(example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31") @NotBlank @Size(max = 64)
            String incidentId,

            @Schema(example = "Incident sans lien avec la campagne : vecteur différent.")
            @NotBlank
            @Size(max = 2000)
            @FreeText
            String reason) {}

    /** The most campaigns one list answers: a national crisis counts a handful. */
    static final int LISTED_CAMPAIGNS = 200;

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "listCampaigns",
            summary = "List the national campaigns",
            description =
                    "Every real campaign (or with `exercise`, that exercise's), the most recently opened first (at"
                            + " most 200), each with its links and their aggregated impact as `GET"
                            + " /api/national/campaigns/{id}` gives it. Who may call it: the national cell and auditors (the"
                            + " list names every region's incidents).")
    @ApiResponse(responseCode = "200", description = "The campaigns.")
    @ApiResponse(responseCode = "400", description = "`exercise` is not an exercise's id.")
    @GetMapping
    List<CampaignView> list(
            @Parameter(description = "Only this exercise's campaigns (its id); absent, the real ones only.")
                    @RequestParam(required = false)
                    String exercise,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        if (exercise != null && (exercise.isBlank() || exercise.length() > 64)) {
            throw new InvalidRequestException("exercise", "must be an exercise's id");
        }
        return campaigns.all(clock.instant(), LISTED_CAMPAIGNS, exercise);
    }

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "suggestCampaignLinks",
            summary = "Suggest incidents that look like one attack",
            description = "Groups of incidents not linked to any campaign, in several regions: with the same attack"
                    + " vector within seven days of awareness (`SAME_VECTOR_WITHIN_SEVEN_DAYS`), or sharing values"
                    + " observed (`SHARED_OBSERVABLES`, with those values); `reason` says which, in French. `basis`"
                    + " asks for one kind only: the shared values alone read only the values seen in two or more"
                    + " regions and the incidents they join, not every incident. Who may call it: the national cell"
                    + " and auditors.")
    @ApiResponse(responseCode = "200", description = "The suggestions.")
    @ApiResponse(responseCode = "400", description = "`basis` names no kind of suggestion.")
    @GetMapping("/suggestions")
    List<CampaignSuggestion> suggestions(
            @Parameter(description = "`SAME_VECTOR_WITHIN_SEVEN_DAYS` or `SHARED_OBSERVABLES`; both when absent.")
                    @RequestParam(required = false)
                    String basis,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        if (basis == null) {
            return campaigns.suggestions(java.util.EnumSet.allOf(CampaignSuggestion.Basis.class));
        }
        CampaignSuggestion.Basis asked = java.util.Arrays.stream(CampaignSuggestion.Basis.values())
                .filter(b -> b.name().equals(basis))
                .findFirst()
                .orElseThrow(() -> new fr.ars.coord.platform.rules.InvalidRequestException(
                        "basis", "must be SAME_VECTOR_WITHIN_SEVEN_DAYS or SHARED_OBSERVABLES"));
        return campaigns.suggestions(java.util.EnumSet.of(asked));
    }

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "getCampaign",
            summary = "Read a campaign",
            description = "The campaign, its links (who made them, when) and their aggregated impact. Who may call it:"
                    + " the national cell and auditors; regional staff see the campaign restricted to their region.")
    @ApiResponse(responseCode = "200", description = "The campaign.")
    @ApiResponse(responseCode = "404", description = "No such campaign.")
    @GetMapping("/{id}")
    CampaignView campaign(
            @Parameter(description = CAMPAIGN_ID) @PathVariable String id, Authentication authentication) {
        String visible = NationalAccessPolicy.visibleRegion(StaffMember.from(authentication));
        CampaignView view =
                campaigns.find(id, clock.instant()).orElseThrow(() -> new NotFoundException("No such campaign."));
        return visible == null ? view : view.restrictedTo(visible);
    }

    static final String STIX = "application/stix+json;version=2.1";

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "getCampaignStixBundle",
            summary = "Share a campaign as a STIX 2.1 bundle",
            description = "The campaign for CERT Santé, ANSSI or a MISP instance to import: the `campaign`, one"
                    + " `incident` per linked incident (Incident Core extension: determination, investigation status,"
                    + " patients concerned; a confidentiality `impact` when personal data was exposed; its ENISA"
                    + " classes as `rsit` tags), each region's agency (`identity`) and region (`location`), their"
                    + " relationships (the campaign `associated-with` each incident), and the TLP 2.0 marking"
                    + " definitions used. Each incident carries its own TLP label; the rest carries the strictest of"
                    + " them, at least `TLP:AMBER`. Incidents labelled `TLP:RED` or `TLP:AMBER+STRICT` are left out"
                    + " unless `includeRestricted=true`. Determination and loss are `suspected` until the incident's"
                    + " status says it was contained. Ids are stable: importing a later bundle updates the same"
                    + " objects. Who may call it: the national cell and auditors (the bundle holds every region's"
                    + " figures).")
    @ApiResponse(
            responseCode = "200",
            description =
                    "The bundle (`application/stix+json;version=2.1`, or" + " `application/json` when asked for).",
            content = {
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = STIX,
                        schema = @Schema(ref = "#/components/schemas/" + StixBundleSchema.NAME)),
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(ref = "#/components/schemas/" + StixBundleSchema.NAME))
            })
    @ApiResponse(responseCode = "404", description = "No such campaign.")
    @GetMapping(
            path = "/{id}/stix",
            produces = {STIX, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ObjectNode> stix(
            @Parameter(description = CAMPAIGN_ID) @PathVariable String id,
            @Parameter(
                            description = "Also the incidents labelled `TLP:RED` or"
                                    + " `TLP:AMBER+STRICT` (left out by default: they must not reach a sharing"
                                    + " community).")
                    @RequestParam(defaultValue = "false")
                    boolean includeRestricted,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        requireRealCampaign(id);
        return ResponseEntity.ok(
                bundles.bundle(id, includeRestricted).orElseThrow(() -> new NotFoundException("No such campaign.")));
    }

    @Tag(name = ApiTags.CAMPAIGNS)
    @Operation(
            operationId = "getCampaignMispEvent",
            summary = "Share a campaign's observables as a MISP event",
            description = "The observables standing on the campaign's incidents as a MISP event JSON that a MISP"
                    + " instance imports: one `Attribute` per value (MISP type and category from its STIX type and"
                    + " role, `to_ids` set except for an account's pseudonym), each tagged with its TLP label; the"
                    + " event tagged with the strictest label and the incidents' `rsit` classes. Incidents and"
                    + " observables labelled `TLP:RED` or `TLP:AMBER+STRICT` are left out unless"
                    + " `includeRestricted=true`. Who may call it: the national cell and auditors.")
    @ApiResponse(
            responseCode = "200",
            description = "The event.",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "A MISP event: {\"Event\": {…}}")))
    @ApiResponse(responseCode = "404", description = "No such campaign.")
    @GetMapping(path = "/{id}/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> misp(
            @Parameter(description = CAMPAIGN_ID) @PathVariable String id,
            @Parameter(description = "Also what is labelled `TLP:RED` or `TLP:AMBER+STRICT`.")
                    @RequestParam(defaultValue = "false")
                    boolean includeRestricted,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        requireRealCampaign(id);
        return ResponseEntity.ok(
                bundles.mispEvent(id, includeRestricted).orElseThrow(() -> new NotFoundException("No such campaign.")));
    }

    private void requireCampaign(String id) {
        if (!campaigns.exists(id)) {
            throw new NotFoundException("No such campaign.");
        }
    }

    /** An exercise's campaign is never shared with CERT Santé, ANSSI or MISP: unknown to them ({@code 404}). */
    private void requireRealCampaign(String id) {
        if (campaigns.exerciseOf(id).isPresent()) {
            throw new NotFoundException("No such campaign.");
        }
    }
}
