package org.carebridge.tasks;

/** Someone took a task from their group's queue. Published in the transaction of the claim. */
public record TaskClaimed(OpenTask task, String username) {
}
