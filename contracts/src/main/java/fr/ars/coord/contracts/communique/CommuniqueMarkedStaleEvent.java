package fr.ars.coord.contracts.communique;

import org.axonframework.serialization.Revision;

/** Facts changed after publication; {@code correctedBy} is the draft that will supersede it. */
@Revision("1")
public record CommuniqueMarkedStaleEvent(String communiqueId, String correctedBy, long factsPosition)
        implements CommuniqueEvent {}
