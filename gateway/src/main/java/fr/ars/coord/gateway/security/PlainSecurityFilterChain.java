package fr.ars.coord.gateway.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.util.ClassUtils;

/**
 * Spring Security's filter chain without the Spring MVC handler lookup in front of it.
 *
 * <p>With Spring MVC present, Spring Security registers its filter chain inside a composite whose first filter
 * looks up the handler of every request (building a functional request and copying all its headers) and caches the
 * result for Spring MVC's request matchers and CORS source. The gateway uses neither: its matchers are path
 * patterns and its CORS source is given explicitly. The lookup was 7 % of the request threads' time, and the
 * DispatcherServlet looked the route up again afterwards.
 *
 * <p>This puts back the filter chain Spring Security built, as the bean the servlet filter delegates to. If a
 * later Spring Security registers the chain in another shape, the chain is left as it is and a warning says so.
 */
final class PlainSecurityFilterChain implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PlainSecurityFilterChain.class);
    private static final String CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
    private static final String HANDLER_LOOKUP_COMPOSITE = "org.springframework.security.config.annotation.web."
            + "configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition registered = registry.getBeanDefinition(CHAIN);
        if (!isComposite(registered)) {
            return;
        }
        BeanDefinition chain = filterChainProxyIn(registered);
        if (chain == null) {
            log.warn("Spring Security's filter chain is wrapped in a shape this gateway does not know; "
                    + "it stays wrapped, and each request's handler is looked up twice");
            return;
        }
        registry.removeBeanDefinition(CHAIN);
        registry.registerBeanDefinition(CHAIN, chain);
    }

    private static boolean isComposite(BeanDefinition definition) {
        return HANDLER_LOOKUP_COMPOSITE.equals(definition.getBeanClassName());
    }

    /** The chain, or the composite that gives it each request's parsed path for the path-pattern matchers. */
    private static boolean isChain(BeanDefinition definition) {
        if (CHAIN.equals(definition.getFactoryMethodName())) {
            return true;
        }
        String type = definition.getBeanClassName();
        return type != null
                && ClassUtils.isPresent(type, null)
                && FilterChainProxy.class.isAssignableFrom(ClassUtils.resolveClassName(type, null));
    }

    /**
     * The composite's filters are its only constructor argument: the handler-lookup filter, then the chain as
     * Spring Security's web configuration declares it.
     */
    private static BeanDefinition filterChainProxyIn(BeanDefinition composite) {
        ValueHolder filters = composite.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters == null || !(filters.getValue() instanceof List<?> list)) {
            return null;
        }
        for (Object element : list) {
            if (element instanceof BeanDefinition candidate && !isComposite(candidate) && isChain(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
