package org.carebridge.teleconsults.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.carebridge.identity.StaffAccounts;
import org.springframework.stereotype.Component;

/** The process variables of a booked session: who conducts it, when it starts, when to remind. */
@Component
class Sessions {

    static final Duration REMINDER_BEFORE = Duration.ofMinutes(30);

    private final StaffAccounts staff;

    Sessions(StaffAccounts staff) {
        this.staff = staff;
    }

    Map<String, Object> variables(long doctorId, Instant start) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("doctorUsername", staff.usernameOfPractitioner(doctorId).orElse(null));
        variables.put("startAt", Date.from(start));
        variables.put("reminderAt", Date.from(start.minus(REMINDER_BEFORE)));
        return variables;
    }
}
