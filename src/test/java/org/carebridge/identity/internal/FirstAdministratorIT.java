package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A deployment without demo users gets its first administrator from the environment, once. */
@IntegrationTest
class FirstAdministratorIT {

    @LocalServerPort
    int port;
    @Autowired
    FirstAdministrator first;

    @Test
    void theFirstAdministratorIsCreatedOnceAndSignsInAsAnAdministrator() {
        String username = "chief" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(first.ensure(username, "first password 1")).isTrue();
        ApiClient chief = ApiClient.as(port, username, "first password 1");
        assertThat(chief.get("/api/me").body().path("roles").toString()).contains("ADMIN");
        assertThat(chief.get("/api/users").status()).isEqualTo(200);

        // a second start, with another password in the environment, leaves the account as it is
        assertThat(first.ensure(username, "another password 2")).isFalse();
        assertThat(ApiClient.as(port, username, "another password 2").get("/api/me").status()).isEqualTo(401);
        assertThat(chief.get("/api/me").status()).isEqualTo(200);
    }
}
