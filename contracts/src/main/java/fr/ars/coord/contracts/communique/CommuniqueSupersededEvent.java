package fr.ars.coord.contracts.communique;

import org.axonframework.serialization.Revision;

/** Its corrected version {@code supersededBy} was published. */
@Revision("1")
public record CommuniqueSupersededEvent(String communiqueId, String supersededBy) implements CommuniqueEvent {}
