package org.carebridge.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * A case about the patient that is still running in another module (a referral, a teleconsult, a
 * record request), as the chart lists it: its kind and current step as message keys of the owning
 * module, since when it stands there, and the page that opens it — null when the reader may know of
 * the case but may not open it.
 */
public record OpenCase(String kindLabelKey, UUID id, String stepLabelKey, Instant since, String route) {
}
