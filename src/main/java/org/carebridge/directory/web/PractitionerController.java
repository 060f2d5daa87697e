package org.carebridge.directory.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Filters.PractitionerFilter;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Requests.AvailabilityRequest;
import org.carebridge.directory.Requests.PractitionerRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practitioners")
class PractitionerController {

    private final Directory directory;

    PractitionerController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    Page<Practitioner> list(@Valid PractitionerFilter filter,
            @PageableDefault(size = 20, sort = "familyName") Pageable page) {
        return directory.practitioners(filter, page);
    }

    @GetMapping("/{id}")
    Practitioner get(@PathVariable long id) {
        return directory.practitioner(id);
    }

    @PostMapping
    ResponseEntity<Practitioner> create(@Valid @RequestBody PractitionerRequest request) {
        Practitioner practitioner = directory.createPractitioner(request);
        return ResponseEntity.created(URI.create("/api/practitioners/" + practitioner.getId())).body(practitioner);
    }

    @PutMapping("/{id}")
    Practitioner update(@PathVariable long id, @Valid @RequestBody PractitionerRequest request) {
        return directory.updatePractitioner(id, request);
    }

    /** Planners keep weekly hours current without touching the rest of the practitioner's entry. */
    @PutMapping("/{id}/availability")
    Practitioner replaceAvailability(@PathVariable long id, @Valid @RequestBody AvailabilityRequest request) {
        return directory.replaceAvailability(id, request.availability());
    }
}
