package fr.ars.coord.contracts.communique;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CommuniqueWithdrawnEvent(String communiqueId, String reason) implements CommuniqueEvent {}
