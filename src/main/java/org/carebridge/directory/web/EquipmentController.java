package org.carebridge.directory.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Equipment;
import org.carebridge.directory.Filters.EquipmentFilter;
import org.carebridge.directory.Requests.EquipmentRequest;
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
@RequestMapping("/api/equipment")
class EquipmentController {

    private final Directory directory;

    EquipmentController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    Page<Equipment> list(@Valid EquipmentFilter filter, @PageableDefault(size = 20, sort = "code") Pageable page) {
        return directory.equipment(filter, page);
    }

    @GetMapping("/{id}")
    Equipment get(@PathVariable long id) {
        return directory.equipmentPiece(id);
    }

    @PostMapping
    ResponseEntity<Equipment> create(@Valid @RequestBody EquipmentRequest request) {
        Equipment piece = directory.createEquipment(request);
        return ResponseEntity.created(URI.create("/api/equipment/" + piece.getId())).body(piece);
    }

    @PutMapping("/{id}")
    Equipment update(@PathVariable long id, @Valid @RequestBody EquipmentRequest request) {
        return directory.updateEquipment(id, request);
    }
}
