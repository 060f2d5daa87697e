package org.carebridge.directory.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Filters.RegionFilter;
import org.carebridge.directory.Region;
import org.carebridge.directory.Requests.RegionRequest;
import org.carebridge.directory.TravelTime;
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
@RequestMapping("/api/regions")
class RegionController {

    private final Directory directory;

    RegionController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    Page<Region> list(@Valid RegionFilter filter, @PageableDefault(size = 20, sort = "name") Pageable page) {
        return directory.regions(filter, page);
    }

    @GetMapping("/{id}")
    Region get(@PathVariable long id) {
        return directory.region(id);
    }

    @GetMapping("/travel-times")
    List<TravelTime> travelTimes() {
        return directory.travelTimes();
    }

    @PostMapping
    ResponseEntity<Region> create(@Valid @RequestBody RegionRequest request) {
        Region region = directory.createRegion(request);
        return ResponseEntity.created(URI.create("/api/regions/" + region.getId())).body(region);
    }

    @PutMapping("/{id}")
    Region update(@PathVariable long id, @Valid @RequestBody RegionRequest request) {
        return directory.updateRegion(id, request);
    }
}
