package fr.ars.coord.notification.process;

import fr.ars.coord.contracts.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Commands notification-service sends on its own behalf (drafting, dispatch, deliveries), signed as itself. */
@Component
class SystemCommands {

    private static final Actor SYSTEM = new Actor("notification-service", "notification-service", "SYSTEM", null);

    private final CommandGateway commands;

    SystemCommands(CommandGateway commands) {
        this.commands = commands;
    }

    <R> R send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM.toMetaData()));
    }
}
