package org.carebridge.patients;

import java.util.List;
import java.util.UUID;

/**
 * The patient's open cases of one kind, contributed by the module that runs them, so that the chart
 * shows every case without knowing any of those modules. Called inside the chart's audited read.
 */
public interface OpenCases {

    /** The cases not yet finished, for the signed-in reader. */
    List<OpenCase> openFor(UUID patientId);
}
