package org.carebridge.identity;

import java.util.List;

/** Staff accounts were created; the process engine learns of the users and their groups. */
public record StaffAccountsCreated(List<String> usernames) {
}
