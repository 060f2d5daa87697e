package org.carebridge.identity.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;

/** A staff member's sign-in: the BCrypt hash of the password, roles, and the patients they serve. */
@Entity
public class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private Long practitionerId;
    private Long facilityId;
    private boolean allRegions;
    private boolean enabled = true;
    /** Null until the account is first changed after its creation; see {@link AccountRevocations}. */
    private Instant credentialsChangedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_region", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "region_id")
    private Set<Long> regionIds = new HashSet<>();

    protected StaffAccount() {
    }

    public StaffAccount(String username, String passwordHash, String displayName, Set<Role> roles,
            Long practitionerId, Long facilityId, Set<Long> regionIds, boolean allRegions) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles.addAll(roles);
        this.practitionerId = practitionerId;
        this.facilityId = facilityId;
        this.regionIds.addAll(regionIds);
        this.allRegions = allRegions;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public StaffMember toStaffMember() {
        return new StaffMember(username, displayName, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles),
                practitionerId, facilityId, regionIds, allRegions);
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        credentialsChanged();
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        credentialsChanged();
    }

    /** New roles, facility and regions in place of the old. */
    public void changeAccess(Set<Role> roles, Long facilityId, Set<Long> regionIds, boolean allRegions) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.facilityId = facilityId;
        this.regionIds.clear();
        this.regionIds.addAll(regionIds);
        this.allRegions = allRegions;
        credentialsChanged();
    }

    public Instant getCredentialsChangedAt() {
        return credentialsChangedAt;
    }

    /** Later than the last change, even when two changes fall within one microsecond (the column's precision). */
    private void credentialsChanged() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        credentialsChangedAt = credentialsChangedAt == null || now.isAfter(credentialsChangedAt)
                ? now
                : credentialsChangedAt.plus(1, ChronoUnit.MICROS);
    }
}
