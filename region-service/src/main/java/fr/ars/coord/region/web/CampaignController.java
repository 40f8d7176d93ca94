package fr.ars.coord.region.web;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.region.campaign.CampaignRuleViolation;
import fr.ars.coord.region.campaign.CampaignSuggestion;
import fr.ars.coord.region.campaign.CampaignView;
import fr.ars.coord.region.campaign.Campaigns;
import fr.ars.coord.region.campaign.LinkIncidentCommand;
import fr.ars.coord.region.campaign.OpenCampaignCommand;
import fr.ars.coord.region.campaign.UnlinkIncidentCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.net.URI;
import java.sql.SQLException;
import org.springframework.core.NestedExceptionUtils;
import java.time.Clock;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * National campaigns: the national cell opens one and links the regional incidents of one attack to it.
 * Every change is an event carrying who made it.
 */
@RestController
@RequestMapping(path = "/api/national/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignController {

    private final IdempotentCommands commands;
    private final Campaigns campaigns;
    private final Clock clock;

    CampaignController(IdempotentCommands commands, Campaigns campaigns, Clock clock) {
        this.commands = commands;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    record OpenCampaignRequest(@NotBlank @Size(max = 200) @FreeText String title,
                               @Size(max = 4000) @FreeText String description) {
    }

    record LinkIncidentRequest(@NotBlank @Size(max = 64) String incidentId) {
    }

    record CampaignOpened(String id) {
    }

    record LinkChanged(String campaignId, String incidentId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CampaignOpened> open(@Valid @RequestBody OpenCampaignRequest request,
                                        @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
                                        Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        IdempotentCommands.Created created = commands.create("campaign", member.toActor(), key, request,
                id -> new OpenCampaignCommand(id, request.title().strip(), request.description()));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create("/api/national/campaigns/" + created.id()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new CampaignOpened(created.id()));
    }

    @PostMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LinkChanged> link(@PathVariable String id, @Valid @RequestBody LinkIncidentRequest request,
                                     Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        requireCampaign(id);
        Region region = campaigns.incidentRegion(request.incidentId())
                .orElseThrow(() -> new NotFoundException("No such incident."));
        campaigns.campaignOf(request.incidentId()).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw new CampaignRuleViolation("This incident is already linked to campaign " + other + ".");
        });
        try {
            commands.send(new LinkIncidentCommand(id, request.incidentId(), region), member.toActor(), null, "link", request);
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

    @DeleteMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    LinkChanged unlink(@PathVariable String id, @Valid @RequestBody UnlinkIncidentLinkRequest request,
                       Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        NationalAccessPolicy.requireCoordinator(member);
        requireCampaign(id);
        commands.send(new UnlinkIncidentCommand(id, request.incidentId(), request.reason()), member.toActor(), null, "unlink",
                request);
        return new LinkChanged(id, request.incidentId());
    }

    record UnlinkIncidentLinkRequest(@NotBlank @Size(max = 64) String incidentId,
                                     @NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    @GetMapping("/suggestions")
    List<CampaignSuggestion> suggestions(Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        return campaigns.suggestions();
    }

    @GetMapping("/{id}")
    CampaignView campaign(@PathVariable String id, Authentication authentication) {
        String visible = NationalAccessPolicy.visibleRegion(StaffMember.from(authentication));
        CampaignView view = campaigns.find(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("No such campaign."));
        return visible == null ? view : view.restrictedTo(visible);
    }

    private void requireCampaign(String id) {
        if (!campaigns.exists(id)) {
            throw new NotFoundException("No such campaign.");
        }
    }
}
