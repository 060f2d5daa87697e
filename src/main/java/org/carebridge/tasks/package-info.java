/**
 * The task inbox over Camunda's TaskService, shared by every process: the caller's open tasks, claim,
 * and completion with the server-side validation of each task's form ({@link TaskForm}, per task key).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package org.carebridge.tasks;
