package fr.ars.coord.contracts.communique;

import fr.ars.coord.contracts.incident.TlpLabel;
import org.axonframework.serialization.Revision;

/**
 * The TLP label a communiqué not yet published is circulated under. Drafts are {@code TLP:CLEAR} (written for the
 * public); a spokesperson may restrict one (e.g. {@code TLP:AMBER} while partners review it under embargo), and it
 * cannot be published until it is {@code TLP:CLEAR} again.
 */
@Revision("1")
public record CommuniqueMarkedEvent(String communiqueId, TlpLabel tlp, String reason) implements CommuniqueEvent {}
