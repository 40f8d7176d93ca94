package fr.ars.coord.platform.processing;

import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.delivery.DeliveryEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.region.Region;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which read models an event processor changed, told once its batch has committed, by <em>scope</em>: who may see
 * the change. Open pages of the console are told of the changes of their scope only, so that a region's staff learn
 * nothing, not even that something moved, of another region's record.
 * <ul>
 *   <li>a region's code ({@code FR-HDF}): that region's staff, the national cell and auditors;</li>
 *   <li>{@link #NATIONAL}: the national cell and auditors only;</li>
 *   <li>{@link #PUBLIC}: everyone signed in (a national communiqué published or withdrawn).</li>
 * </ul>
 * An incident's events, and an incident's link to a campaign, are of the incident's region; a delivery's are of no
 * one's (no page shows the delivery log: a webhook retried every few minutes must not have every national page ask
 * again); any other event is {@link #NATIONAL} unless the processor handling it says better with
 * {@link #touched(String)} (the communiqué views know their communiqué's region).
 */
public final class ViewChanges implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String NATIONAL = "national";
    public static final String PUBLIC = "public";
    private static final String SCOPES = ViewChanges.class.getName();

    private final Consumer<Set<String>> tell;

    /** {@code tell}: called after each committed batch with the scopes it changed. */
    public ViewChanges(Consumer<Set<String>> tell) {
        this.tell = tell;
    }

    /** The batch being handled changed a read model of {@code scope} (besides what its events say). */
    public static void touched(String scope) {
        CurrentUnitOfWork.ifStarted(unit -> {
            Set<String> scopes = unit.root().getResource(SCOPES);
            if (scopes != null) {
                scopes.add(scope);
            }
        });
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        Set<String> scopes = root.getOrComputeResource(SCOPES, key -> {
            Set<String> changed = new TreeSet<>();
            root.afterCommit(committed -> tell.accept(Set.copyOf(changed)));
            return changed;
        });
        Object result = interceptorChain.proceed();
        String scope = scopeOf(unitOfWork.getMessage().getPayload());
        if (scope != null) {
            scopes.add(scope);
        }
        return result;
    }

    /** Who may see what {@code event} changed; null when no page shows it (the delivery log). */
    static String scopeOf(Object event) {
        if (event instanceof DeliveryEvent) {
            return null;
        }
        Region region = null;
        if (event instanceof IncidentEvent incident) {
            region = incident.region();
        } else if (event instanceof IncidentLinkedToCampaignEvent linked) {
            region = linked.region();
        } else if (event instanceof IncidentUnlinkedFromCampaignEvent unlinked) {
            region = unlinked.region();
        }
        return region == null ? NATIONAL : region.code();
    }
}
