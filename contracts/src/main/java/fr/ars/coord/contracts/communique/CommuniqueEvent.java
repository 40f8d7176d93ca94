package fr.ars.coord.contracts.communique;

public sealed interface CommuniqueEvent
        permits CommuniqueDraftedEvent,
                CommuniqueDraftRevisedEvent,
                CommuniqueApprovedEvent,
                CommuniqueIssuerApprovedEvent,
                CommuniquePublishedEvent,
                CommuniqueWithdrawnEvent,
                CommuniqueMarkedStaleEvent,
                CommuniqueSupersededEvent,
                CommuniqueMarkedEvent {

    String communiqueId();
}
