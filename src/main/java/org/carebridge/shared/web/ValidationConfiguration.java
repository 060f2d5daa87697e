package org.carebridge.shared.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ValidationConfiguration {

    /**
     * Request bodies are plain records, never JPA entities with lazy state: Hibernate Validator need not ask
     * JPA, for every property of every request, whether it may look at it (a profile of the assessment API
     * found that question among its hottest code).
     */
    @Bean
    ValidationConfigurationCustomizer everyPropertyIsReachable() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                    java.lang.annotation.ElementType elementType) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                    java.lang.annotation.ElementType elementType) {
                return true;
            }
        });
    }
}
