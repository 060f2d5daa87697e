package org.carebridge.patients;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * Something a user can start from a patient's chart ("Refer"), contributed by the module that owns
 * it, so that the chart needs to know none of them.
 */
public interface ChartAction {

    /**
     * The action's control on this patient's chart, given the observations the chart shows (oldest
     * first); empty when the signed-in user may not take it.
     */
    Optional<Component> on(Patient patient, List<Observation> observations);
}
