package org.carebridge.scheduling.web;

import java.util.List;

import org.carebridge.scheduling.Explanation;
import org.carebridge.scheduling.Placement;
import org.carebridge.scheduling.SchedulePublished;
import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.ScheduleRun;
import org.carebridge.scheduling.Scheduling;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules for planners: solve a problem (202, then poll), read the best so far, stop, explain, change,
 * publish, start again. The body is read as text and checked by the same code as the command line, so a bad problem
 * gets a 400 naming its items.
 */
@RestController
@RequestMapping("/api/schedules")
class ScheduleController {

    private final Scheduling scheduling;

    ScheduleController(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ScheduleRun solve(@RequestBody String problem, @RequestParam(defaultValue = "30") int seconds) {
        return scheduling.submit(ProblemJson.read(problem), seconds);
    }

    @GetMapping
    List<ScheduleRun> list() {
        return scheduling.runs();
    }

    @GetMapping("/{id}")
    ScheduleRun get(@PathVariable String id) {
        return scheduling.run(id);
    }

    /**
     * 200 when the run no longer solves; 202 when it solves on another node that was asked to stop and had
     * not yet when the answer was due ({@code stopRequested}: poll it).
     */
    @DeleteMapping("/{id}")
    ResponseEntity<ScheduleRun> stop(@PathVariable String id) {
        ScheduleRun run = scheduling.stop(id);
        return ResponseEntity.status(run.status() == ScheduleRun.Status.SOLVING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(run);
    }

    /** Solves a finished run again on this node, from its best schedule: one FAILED because its node stopped. */
    @PostMapping("/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ScheduleRun restart(@PathVariable String id, @RequestParam(defaultValue = "30") int seconds) {
        return scheduling.restart(id, seconds);
    }

    @GetMapping("/{id}/explanation")
    Explanation explanation(@PathVariable String id) {
        return scheduling.explain(id);
    }

    @PostMapping("/{id}/changes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ScheduleRun change(@PathVariable String id, @RequestBody ScheduleChange change,
            @RequestParam(defaultValue = "10") int seconds) {
        return scheduling.change(id, change, seconds);
    }

    @PostMapping("/{id}/publish")
    SchedulePublished publish(@PathVariable String id) {
        return scheduling.publish(id);
    }

    /** The first-come-first-served baseline of a problem, at once. */
    @PostMapping(path = "/baseline", consumes = MediaType.APPLICATION_JSON_VALUE)
    Solution baseline(@RequestBody String problem) {
        return scheduling.firstComeFirstServed(ProblemJson.read(problem));
    }

    /** The best places for one appointment of the problem, the others staying as booked. */
    @PostMapping(path = "/suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Placement> suggestions(@RequestBody String problem, @RequestParam String appointmentId,
            @RequestParam(defaultValue = "5") int limit) {
        return scheduling.suggest(ProblemJson.read(problem), appointmentId, limit);
    }
}
