package org.carebridge.directory.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Filters.FacilityFilter;
import org.carebridge.directory.Requests.FacilityRequest;
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
@RequestMapping("/api/facilities")
class FacilityController {

    private final Directory directory;

    FacilityController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    Page<Facility> list(@Valid FacilityFilter filter, @PageableDefault(size = 20, sort = "name") Pageable page) {
        return directory.facilities(filter, page);
    }

    @GetMapping("/{id}")
    Facility get(@PathVariable long id) {
        return directory.facility(id);
    }

    @PostMapping
    ResponseEntity<Facility> create(@Valid @RequestBody FacilityRequest request) {
        Facility facility = directory.createFacility(request);
        return ResponseEntity.created(URI.create("/api/facilities/" + facility.getId())).body(facility);
    }

    @PutMapping("/{id}")
    Facility update(@PathVariable long id, @Valid @RequestBody FacilityRequest request) {
        return directory.updateFacility(id, request);
    }
}
