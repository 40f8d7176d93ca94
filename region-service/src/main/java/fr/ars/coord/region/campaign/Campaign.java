package fr.ars.coord.region.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.region.Region;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A national campaign: the regional incidents the national cell recognised as one attack. One opened in an exercise
 * marks each of its events with it, as an exercise's incident does.
 */
@Aggregate
class Campaign {

    @AggregateIdentifier
    private String campaignId;

    private final Map<String, Region> linkedIncidents = new HashMap<>();
    private String exerciseId;

    Campaign() {
        // rebuilt from events
    }

    @CommandHandler
    Campaign(OpenCampaignCommand command, CampaignExerciseRules exercises) {
        if (command.exerciseId() != null) {
            exercises.requireRunning(command.exerciseId());
        }
        apply(
                new CampaignOpenedEvent(
                        command.campaignId(), command.title(), command.description(), command.exerciseId()),
                MetaData.from(ExerciseTag.metaData(command.exerciseId())));
    }

    @CommandHandler
    void handle(LinkIncidentCommand command, CampaignExerciseRules exercises) {
        requireRunning(exercises);
        if (linkedIncidents.containsKey(command.incidentId())) {
            throw new CampaignRuleViolation("This incident is already linked to the campaign.");
        }
        record(new IncidentLinkedToCampaignEvent(campaignId, command.incidentId(), command.region()));
    }

    @CommandHandler
    void handle(UnlinkIncidentCommand command, CampaignExerciseRules exercises) {
        requireRunning(exercises);
        Region region = linkedIncidents.get(command.incidentId());
        if (region == null) {
            throw new CampaignRuleViolation("This incident is not linked to the campaign.");
        }
        record(new IncidentUnlinkedFromCampaignEvent(campaignId, command.incidentId(), region, command.reason()));
    }

    /** A campaign of an exercise records nothing more once the exercise has ended. */
    private void requireRunning(CampaignExerciseRules exercises) {
        if (exerciseId != null) {
            exercises.requireRunning(exerciseId);
        }
    }

    private void record(Object event) {
        apply(event, MetaData.from(ExerciseTag.metaData(exerciseId)));
    }

    @EventSourcingHandler
    void on(CampaignOpenedEvent event) {
        campaignId = event.campaignId();
        exerciseId = event.exerciseId();
    }

    @EventSourcingHandler
    void on(IncidentLinkedToCampaignEvent event) {
        linkedIncidents.put(event.incidentId(), event.region());
    }

    @EventSourcingHandler
    void on(IncidentUnlinkedFromCampaignEvent event) {
        linkedIncidents.remove(event.incidentId());
    }
}
