package fr.ars.coord.contracts.communique;

import org.axonframework.serialization.Revision;

/**
 * One issuer of a joint communiqué approved it as it reads for the facts identified by {@code factsDigest}; the
 * communiqué is approved ({@link CommuniqueApprovedEvent}) once every issuer has.
 */
@Revision("1")
public record CommuniqueIssuerApprovedEvent(String communiqueId, CommuniqueIssuer issuer, String factsDigest)
        implements CommuniqueEvent {}
