package org.carebridge.identity.internal;

import java.util.Set;

import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A deployment without demo users (the {@code postgres} profile, the Docker image) starts with no account
 * at all: given {@code CAREBRIDGE_ADMIN_PASSWORD}, the first start creates the administrator
 * ({@code CAREBRIDGE_ADMIN_USERNAME}, {@code admin} unless said otherwise), who then creates everyone else.
 * An existing account of that name is left as it is, so the password in the environment never overrides
 * one the administrator has changed.
 */
@Component
@Order(1) // after the demo province (order 0), which seeds only a database without accounts
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccounts accounts;
    private final String username;
    private final String password;

    FirstAdministrator(StaffAccounts accounts, @Value("${carebridge.first-admin.username:admin}") String username,
            @Value("${carebridge.first-admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isEmpty()) {
            ensure(username, password);
        }
    }

    /** Creates the administrator unless an account of that name exists; whether it did. */
    boolean ensure(String username, String password) {
        if (accounts.exists(username)) {
            return false;
        }
        try {
            accounts.create(new NewStaffAccount(username, password, "Administrator", Set.of(Role.ADMIN), null, null,
                    Set.of(), false));
            log.info("Created the first administrator, {}", username);
            return true;
        } catch (ConflictException e) {
            return false; // another node, starting at the same time, created it
        }
    }
}
