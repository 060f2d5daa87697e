package org.carebridge.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import org.carebridge.identity.internal.StaffAccount;
import org.carebridge.identity.internal.StaffAccountChanged;
import org.carebridge.identity.internal.StaffAccountRepository;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Creating, listing, disabling and re-enabling staff accounts, resetting their passwords and changing
 * their roles, facility and regions.
 */
@Service
@Validated
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog audit,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Lets an account sign in again, or stops it at once: its cached credentials and its open
     * sessions no longer count (see {@code AccountRevocations}).
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        StaffAccount account = existing(username);
        if (!enabled && username.equals(CurrentStaff.actor())) {
            throw new ConflictException("enabled", "An administrator cannot disable their own account");
        }
        account.setEnabled(enabled);
        audit.recordAccountEvent(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                CurrentStaff.actor(), "account " + username + (enabled ? " enabled" : " disabled"), null);
        events.publishEvent(new StaffAccountChanged(username));
    }

    /** Gives an account a new password; the old one stops working at once, and so do its sessions. */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 128) {
            throw new InvalidRequestException("password", "size must be between 8 and 128");
        }
        existing(username).setPasswordHash(passwordEncoder.encode(newPassword));
        audit.recordAccountEvent(AuditAction.PASSWORD_RESET, CurrentStaff.actor(),
                "account " + username + " password reset", null);
        events.publishEvent(new StaffAccountChanged(username));
    }

    /**
     * Gives an account other roles, another facility or other regions. The old ones stop counting at
     * once, on every node: its cached credentials and its open sessions no longer count (see {@code
     * AccountRevocations}), so the next request is judged by the new roles.
     */
    @Transactional
    public StaffMember changeAccess(String username, @Valid StaffAccess access) {
        StaffAccount account = existing(username);
        if (username.equals(CurrentStaff.actor()) && account.getRoles().contains(Role.ADMIN)
                && !access.roles().contains(Role.ADMIN)) {
            throw new ConflictException("roles", "An administrator cannot take away their own ADMIN role");
        }
        requireWhosePatients(access.roles(), access.facilityId(), access.regionIds(), access.allRegions());
        account.changeAccess(access.roles(), access.facilityId(), access.regionIds(), access.allRegions());
        StaffMember changed = account.toStaffMember();
        audit.recordAccountEvent(AuditAction.ACCESS_CHANGED, CurrentStaff.actor(), "account " + username
                + " roles " + changed.roles().stream().map(Role::name).sorted().toList()
                + ", facility " + changed.facilityId()
                + (changed.allRegions() ? ", all regions" : ", regions " + changed.regionIds().stream().sorted().toList()),
                null);
        events.publishEvent(new StaffAccountChanged(username));
        return changed;
    }

    private static void requireWhosePatients(Set<Role> roles, Long facilityId, Set<Long> regionIds,
            boolean allRegions) {
        if (!allRegions && regionIds.isEmpty() && facilityId == null
                && (roles.contains(Role.COORDINATOR) || roles.contains(Role.DOCTOR)
                    || roles.contains(Role.RECORDS_OFFICER))) {
            throw new InvalidRequestException("regionIds",
                    "a user who sees patients needs a facility, regions, or allRegions");
        }
    }

    private StaffAccount existing(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("No staff account " + username));
    }

    @Transactional
    public StaffMember create(@Valid NewStaffAccount account) {
        return createAll(List.of(account), passwordEncoder).get(0);
    }

    /**
     * Creates accounts whose passwords are published, such as the demo users' ("password =
     * username"). A slow hash protects a secret; these have none, so they get BCrypt's cheapest cost
     * instead of spending seconds of every first start on them.
     */
    @Transactional
    public List<StaffMember> createWithPublishedPasswords(Collection<NewStaffAccount> newAccounts) {
        return createAll(newAccounts, PUBLISHED_PASSWORDS);
    }

    private static final PasswordEncoder PUBLISHED_PASSWORDS = new BCryptPasswordEncoder(4);

    private List<StaffMember> createAll(Collection<NewStaffAccount> newAccounts, PasswordEncoder encoder) {
        for (NewStaffAccount account : newAccounts) {
            if (accounts.existsByUsername(account.username())) {
                throw new ConflictException("username", "The username " + account.username() + " is taken");
            }
            requireWhosePatients(account.roles(), account.facilityId(), account.regionIds(), account.allRegions());
        }
        List<StaffAccount> hashed = newAccounts.stream()
                .map(a -> new StaffAccount(a.username(), encoder.encode(a.password()), a.displayName(),
                        a.roles(), a.practitionerId(), a.facilityId(), a.regionIds(), a.allRegions()))
                .toList();
        List<StaffMember> created = accounts.saveAll(hashed).stream().map(StaffAccount::toStaffMember).toList();
        return created;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return accounts.findAll().stream().map(StaffAccount::toStaffMember).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }

    /** The logins of practitioners, by practitioner id; those without one are absent. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernamesOfPractitioners() {
        Map<Long, String> logins = new HashMap<>();
        accounts.findByPractitionerIdNotNullAndEnabledTrue()
                .forEach(a -> logins.putIfAbsent(a.getPractitionerId(), a.getUsername()));
        return logins;
    }

    /** The login of a practitioner, when they have one: the user their tasks are assigned to. */
    @Transactional(readOnly = true)
    public Optional<String> usernameOfPractitioner(long practitionerId) {
        return accounts.findFirstByPractitionerIdAndEnabledTrue(practitionerId).map(StaffAccount::getUsername);
    }

    /**
     * The people behind user names, as screens show them (王医生, not wangys). A name with no account
     * (an import, CareBridge itself) is absent: the caller says what it was.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            accounts.findByUsernameIn(usernames).forEach(a -> names.put(a.getUsername(), a.getDisplayName()));
        }
        return names;
    }
}
