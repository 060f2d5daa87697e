package org.carebridge.identity.internal;

/**
 * An account was disabled, re-enabled, given a new password or new roles, facility or regions: what was
 * verified of it before is void.
 */
public record StaffAccountChanged(String username) {
}
