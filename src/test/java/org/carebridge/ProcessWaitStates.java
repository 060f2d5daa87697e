package org.carebridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Where a process of {@code processes/} can wait between transactions: its user tasks, call activities,
 * receive tasks, event-based gateways and intermediate catch events (its processes run no step asynchronously;
 * boundary timers and event sub-processes wait beside a step, not in place of one).
 */
public final class ProcessWaitStates {

    private ProcessWaitStates() {
    }

    public static Set<String> of(String bpmnFile) {
        try (InputStream in = ProcessWaitStates.class.getClassLoader().getResourceAsStream(bpmnFile)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + bpmnFile + " on the class path");
            }
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Set<String> waits = new TreeSet<>();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node instanceof UserTask || node instanceof CallActivity || node instanceof ReceiveTask
                        || node instanceof EventBasedGateway || node instanceof IntermediateCatchEvent) {
                    waits.add(node.getId());
                }
            }
            return waits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
