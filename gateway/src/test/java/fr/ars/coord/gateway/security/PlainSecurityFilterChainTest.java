package fr.ars.coord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.security.web.FilterChainProxy;

class PlainSecurityFilterChainTest {

    private static final String COMPOSITE = "org.springframework.security.config.annotation.web."
            + "configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    private final DefaultListableBeanFactory registry = new DefaultListableBeanFactory();

    @Test
    void putsBackTheChainThatTheHandlerLookupWrapped() {
        BeanDefinition chain =
                BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition();
        ManagedList<Object> filters = new ManagedList<>();
        filters.add(BeanDefinitionBuilder.rootBeanDefinition(Object.class).getBeanDefinition());
        filters.add(chain);
        registry.registerBeanDefinition(
                "springSecurityFilterChain",
                BeanDefinitionBuilder.rootBeanDefinition(COMPOSITE)
                        .addConstructorArgValue(filters)
                        .getBeanDefinition());

        new PlainSecurityFilterChain().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition("springSecurityFilterChain").getBeanClassName())
                .isEqualTo(FilterChainProxy.class.getName());
    }

    @Test
    void leavesAWrapperOfAnotherShapeAsItIs() {
        BeanDefinition composite = BeanDefinitionBuilder.rootBeanDefinition(COMPOSITE)
                .addConstructorArgValue("not a list of filters")
                .getBeanDefinition();
        registry.registerBeanDefinition("springSecurityFilterChain", composite);

        new PlainSecurityFilterChain().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition("springSecurityFilterChain").getBeanClassName())
                .isEqualTo(COMPOSITE);
    }

    @Test
    void leavesAPlainChainAsItIs() {
        registry.registerBeanDefinition(
                "springSecurityFilterChain",
                BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition());

        new PlainSecurityFilterChain().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition("springSecurityFilterChain").getBeanClassName())
                .isEqualTo(FilterChainProxy.class.getName());
    }
}
