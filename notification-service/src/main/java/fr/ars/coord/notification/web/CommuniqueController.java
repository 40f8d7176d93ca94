package fr.ars.coord.notification.web;

import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.command.CommuniqueCommands.ApproveCommuniqueCommand;
import fr.ars.coord.notification.command.CommuniqueCommands.PublishCommuniqueCommand;
import fr.ars.coord.notification.command.CommuniqueCommands.WithdrawCommuniqueCommand;
import fr.ars.coord.notification.query.CommuniqueViewStore;
import fr.ars.coord.notification.query.CommuniqueStreams;
import fr.ars.coord.notification.query.CommuniqueView;
import fr.ars.coord.notification.writing.CurrentDrafts;
import fr.ars.coord.notification.writing.Draft;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import fr.ars.coord.platform.text.FreeText;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    private final CommandGateway commands;

    CommuniqueController(CommuniqueStreams communiques, CommuniqueViewStore list, CurrentDrafts drafts,
                         CommandGateway commands) {
        this.communiques = communiques;
        this.list = list;
        this.drafts = drafts;
        this.commands = commands;
    }

    record WithdrawRequest(@NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    @GetMapping
    List<CommuniqueView> list(@RequestParam(required = false) String region,
                              @RequestParam(required = false) CommuniqueStatus status, Authentication authentication) {
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException("region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        List<String> visible = CommuniqueAccessPolicy.visibleRegions(StaffMember.from(authentication));
        if (visible != null && region != null && !visible.contains(region)) {
            throw new AccessDeniedException("another region's communiqués");
        }
        return list.find(visible, region, status);
    }

    @GetMapping("/{id}")
    CommuniqueView get(@PathVariable String id, Authentication authentication) {
        CommuniqueView communique = find(id);
        CommuniqueAccessPolicy.requireRead(StaffMember.from(authentication), communique);
        return communique;
    }

    @PostMapping("/{id}/approve")
    CommuniqueView approve(@PathVariable String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueView communique = find(id);
        CommuniqueAccessPolicy.requireRead(member, communique);
        CommuniqueAccessPolicy.requireSpokesperson(member, communique);
        send(new ApproveCommuniqueCommand(id), member);
        return find(id);
    }

    @PostMapping("/{id}/publish")
    CommuniqueView publish(@PathVariable String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueView communique = find(id);
        if (!member.hasRole(StaffMember.COMMUNIQUE_PUBLISHER)) {
            CommuniqueAccessPolicy.requireRead(member, communique);
        }
        CommuniqueAccessPolicy.requirePublisher(member, communique);
        String current = drafts.forScope(communique.scope(), communique.region(), communique.campaignId())
                .map(Draft::digest).orElse(null);
        send(new PublishCommuniqueCommand(id, current), member);
        return find(id);
    }

    @PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    CommuniqueView withdraw(@PathVariable String id, @Valid @RequestBody WithdrawRequest request,
                            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        CommuniqueView communique = find(id);
        CommuniqueAccessPolicy.requireRead(member, communique);
        CommuniqueAccessPolicy.requireSpokesperson(member, communique);
        send(new WithdrawCommuniqueCommand(id, request.reason()), member);
        return find(id);
    }

    private CommuniqueView find(String id) {
        return communiques.find(id).orElseThrow(() -> new NotFoundException("No such communiqué."));
    }

    private void send(Object command, StaffMember member) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(member.toActor().toMetaData()));
    }
}
