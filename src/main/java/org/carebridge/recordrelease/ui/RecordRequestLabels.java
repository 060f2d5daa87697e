package org.carebridge.recordrelease.ui;

import java.util.Locale;
import java.util.stream.Collectors;

import org.carebridge.directory.Directory;
import org.carebridge.recordrelease.RecordRequestDetails;

/** How a record request reads in one line: status, purpose, scope, from where to where. */
final class RecordRequestLabels {

    private RecordRequestLabels() {
    }


    static String line(RecordRequestDetails r, Directory directory, java.util.function.Function<String, String> t, Locale locale) {
        return String.join(" · ", t.apply("records.status." + r.status()), t.apply("records.purpose." + r.purpose()),
                scope(r, t), directory.facility(r.fromFacilityId()).getName() + " → "
                        + directory.facility(r.toFacilityId()).getName());
    }

    static String scope(RecordRequestDetails r, java.util.function.Function<String, String> t) {
        return r.scope().stream().map(s -> t.apply("records.scope." + s)).collect(Collectors.joining(", "));
    }
}
