package org.carebridge.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The rules every call of the API follows, at the head of the OpenAPI document (README "API" says the same). */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI carebridgeApi(@Value("${carebridge.api.max-body:1MB}") DataSize maxBody,
            @Value("${carebridge.api.max-page-size:200}") int maxPageSize) {
        return new OpenAPI()
                .info(new Info().title("CareBridge API").description("""
                        Sign in with HTTP Basic on every call. Errors are application/problem+json.

                        A POST, PUT, PATCH or DELETE must carry a JSON body (Content-Type application/json) \
                        or an `X-Requested-With` header (any value), else it is refused with 403 \
                        `cross-site-request`: a form posted from another site can send neither, so the \
                        endpoints without a body (`POST /api/tasks/{id}/claim`, `.../cancel`) need the header.

                        A body over %d KB is refused with 413 and nothing is stored. `size` and `limit` go \
                        from 1 to %d and `page` from 0; beyond, 400 names the parameter.""".formatted(
                        maxBody.toKilobytes(), maxPageSize)))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
