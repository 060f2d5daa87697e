package org.carebridge.identity.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccountsCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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
    @Transactional
    void synchronizeAll() {
        List<StaffAccount> all = accounts.findAll();
        synchronize(all);
        log.info("The process engine knows {} staff account(s) and their role groups", all.size());
    }

    /** Accounts created at run time reach the engine once their creation is committed. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(StaffAccountsCreated event) {
        synchronize(event.usernames().stream().map(accounts::findByUsername).flatMap(Optional::stream).toList());
    }

    /**
     * Creates the missing users, groups and memberships of the given accounts in one transaction
     * (Camunda joins Spring's), reading what the engine knows with one query per group.
     */
    private void synchronize(List<StaffAccount> wanted) {
        Set<String> users = new HashSet<>();
        identity.createUserQuery().list().forEach(u -> users.add(u.getId()));
        Map<String, Set<String>> members = new HashMap<>();
        for (Group group : identity.createGroupQuery().list()) {
            Set<String> ids = new HashSet<>();
            identity.createUserQuery().memberOfGroup(group.getId()).list().forEach(u -> ids.add(u.getId()));
            members.put(group.getId(), ids);
        }
        for (StaffAccount account : wanted) {
            if (users.add(account.getUsername())) {
                User user = identity.newUser(account.getUsername());
                user.setFirstName(account.getDisplayName());
                user.setLastName("");
                identity.saveUser(user);
            }
            for (Role role : account.getRoles()) {
                for (String group : groupsOf(role)) {
                    if (!members.containsKey(group)) {
                        Group created = identity.newGroup(group);
                        created.setName(group);
                        created.setType(group.equals(Groups.CAMUNDA_ADMIN) ? Groups.GROUP_TYPE_SYSTEM : "WORKFLOW");
                        identity.saveGroup(created);
                        members.put(group, new HashSet<>());
                    }
                    if (members.get(group).add(account.getUsername())) {
                        identity.createMembership(account.getUsername(), group);
                    }
                }
            }
        }
    }

    /** A role's Camunda groups: the role itself, and for administrators Camunda's own administrators. */
    static List<String> groupsOf(Role role) {
        return role == Role.ADMIN ? List.of(role.name(), Groups.CAMUNDA_ADMIN) : List.of(role.name());
    }
}
