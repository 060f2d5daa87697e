package org.carebridge.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import org.carebridge.identity.internal.StaffAccount;
import org.carebridge.identity.internal.StaffAccountRepository;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Creating and listing staff accounts. */
@Service
@Validated
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
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
            if (!account.allRegions() && account.regionIds().isEmpty() && account.facilityId() == null
                    && (account.roles().contains(Role.COORDINATOR) || account.roles().contains(Role.DOCTOR)
                        || account.roles().contains(Role.RECORDS_OFFICER))) {
                throw new InvalidRequestException("regionIds",
                        "a user who sees patients needs a facility, regions, or allRegions");
            }
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
