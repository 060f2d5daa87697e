package org.carebridge.identity.internal;

/** An account was disabled, re-enabled or given a new password: what was verified of it before is void. */
public record StaffAccountChanged(String username) {
}
