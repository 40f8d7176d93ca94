package fr.ars.coord.contracts.communique;

import org.axonframework.serialization.Revision;

/** Approved as it reads for the facts identified by {@code factsDigest}. */
@Revision("1")
public record CommuniqueApprovedEvent(String communiqueId, String factsDigest) implements CommuniqueEvent {}
