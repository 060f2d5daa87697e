package org.carebridge.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which page Vaadin shows for a screen that cannot open: CareBridge's, not its own with the exception's text. */
@IntegrationTest
class ScreensThatFailIT {

    @Autowired
    ServletContext servletContext;

    @Test
    void aScreenThatFailsToOpenShowsCareBridgesFailurePage() {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));

        assertThat(routes.getErrorNavigationTarget(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("timed out"))).orElseThrow().getNavigationTarget())
                .isEqualTo(FailureView.class);
        assertThat(routes.getErrorNavigationTarget(new IllegalStateException("a bug")).orElseThrow()
                .getNavigationTarget()).isEqualTo(FailureView.class);
        assertThat(routes.getErrorNavigationTarget(new NotFoundException()).orElseThrow().getNavigationTarget())
                .as("an unknown address is still Vaadin's not-found page").isEqualTo(RouteNotFoundError.class);
    }
}
