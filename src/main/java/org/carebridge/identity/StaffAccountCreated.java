package org.carebridge.identity;

/** A staff account was created; the process engine learns of the user and their groups. */
public record StaffAccountCreated(String username) {
}
