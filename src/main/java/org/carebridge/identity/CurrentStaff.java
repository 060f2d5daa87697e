package org.carebridge.identity;

import java.util.Optional;

import org.carebridge.identity.internal.StaffUserDetails;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member of the current request, for the API and the UI alike. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffMember> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUserDetails user) {
            return Optional.of(user.staffMember());
        }
        return Optional.empty();
    }

    public static StaffMember get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is signed in"));
    }

    /** The name the audit log records: the signed-in user, or "system" for work CareBridge does itself. */
    public static String actor() {
        return find().map(StaffMember::username).orElse("system");
    }
}
