package fr.ars.coord.platform.processing;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Keeps a processor to the real crises: an event an exercise marked ({@link ExerciseTag}) is passed over, its
 * handlers not called, the processor's position moving on all the same. For the views that must never count an
 * exercise: the national picture, the breach register, the figures across incidents, what is shared with peers.
 */
public final class RealCrisesOnly implements MessageHandlerInterceptor<EventMessage<?>> {

    private RealCrisesOnly() {}

    /** The configuration that keeps each of {@code processors} to the real crises. */
    public static ConfigurerModule forProcessors(String... processors) {
        List<String> names = List.of(processors);
        return configurer -> names.forEach(name ->
                configurer.eventProcessing().registerHandlerInterceptor(name, configuration -> new RealCrisesOnly()));
    }

    /** Whether an event was recorded in an exercise. */
    public static boolean inExercise(EventMessage<?> event) {
        return ExerciseTag.of(event.getMetaData()) != null;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        return inExercise(unitOfWork.getMessage()) ? null : chain.proceed();
    }
}
