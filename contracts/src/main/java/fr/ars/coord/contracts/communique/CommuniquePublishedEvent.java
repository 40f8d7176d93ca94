package fr.ars.coord.contracts.communique;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** Published: from now on its text never changes; channels deliver it. */
@Revision("1")
public record CommuniquePublishedEvent(
        String communiqueId, CommuniqueScope scope, Region region, String campaignId, String supersedes)
        implements CommuniqueEvent {}
