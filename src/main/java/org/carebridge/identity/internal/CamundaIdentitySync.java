package org.carebridge.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccountCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps Camunda's users and groups equal to CareBridge's staff accounts and roles, so that user tasks
 * can go to a role (candidate group) and task queries by user resolve their groups. Camunda never sees
 * a password: its webapps trust the Spring Security sign-in.
 */
@Component
class CamundaIdentitySync {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySync.class);

    private final IdentityService identity;
    private final StaffAccountRepository accounts;

    CamundaIdentitySync(IdentityService identity, StaffAccountRepository accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void synchronizeAll() {
        Set<String> known = new HashSet<>();
        identity.createUserQuery().list().forEach(u -> known.add(u.getId()));
        List<StaffAccount> all = accounts.findAll();
        all.forEach(account -> synchronize(account, known.contains(account.getUsername())));
        log.info("The process engine knows {} staff account(s) and their {} role groups", all.size(), Role.values().length);
    }

    @TransactionalEventListener
    void on(StaffAccountCreated event) {
        accounts.findByUsername(event.username()).ifPresent(account -> synchronize(account, false));
    }

    /** Creates the user (unless known) and every missing group and membership of their roles. */
    private void synchronize(StaffAccount account, boolean userKnown) {
        if (!userKnown && identity.createUserQuery().userId(account.getUsername()).count() == 0) {
            User user = identity.newUser(account.getUsername());
            user.setFirstName(account.getDisplayName());
            user.setLastName("");
            identity.saveUser(user);
        }
        for (Role role : account.getRoles()) {
            for (String group : groupsOf(role)) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    Group created = identity.newGroup(group);
                    created.setName(group);
                    created.setType(role == Role.ADMIN && !group.equals(role.name()) ? Groups.GROUP_TYPE_SYSTEM : "WORKFLOW");
                    identity.saveGroup(created);
                }
                if (identity.createUserQuery().userId(account.getUsername()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(account.getUsername(), group);
                }
            }
        }
    }

    /** A role's Camunda groups: the role itself, and for administrators Camunda's own administrators. */
    static List<String> groupsOf(Role role) {
        return role == Role.ADMIN ? List.of(role.name(), Groups.CAMUNDA_ADMIN) : List.of(role.name());
    }
}
