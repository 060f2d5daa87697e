package org.carebridge.tasks.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.Tasks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code shared/spec/referral-workflow.md}: the caller's inbox, claim and complete. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Tasks tasks;

    TaskController(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<OpenTask> inbox() {
        return tasks.inbox();
    }

    @GetMapping("/{id}")
    OpenTask task(@PathVariable String id) {
        return tasks.task(id);
    }

    @PostMapping("/{id}/claim")
    OpenTask claim(@PathVariable String id) {
        return tasks.claim(id);
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) JsonNode form) {
        tasks.complete(id, form);
        return ResponseEntity.noContent().build();
    }
}
