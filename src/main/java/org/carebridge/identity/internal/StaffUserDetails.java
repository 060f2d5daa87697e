package org.carebridge.identity.internal;

import java.util.Collection;
import java.util.List;

import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: a staff member and, until credentials are erased, the password hash. */
public final class StaffUserDetails implements UserDetails {

    private final StaffMember staffMember;
    private final boolean enabled;
    private transient String passwordHash;

    StaffUserDetails(StaffMember staffMember, String passwordHash, boolean enabled) {
        this.staffMember = staffMember;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public StaffMember staffMember() {
        return staffMember;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = staffMember.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .map(GrantedAuthority.class::cast)
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staffMember.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
