package org.carebridge.identity.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.identity.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class StaffAccountController {

    private final StaffAccounts accounts;

    StaffAccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<StaffMember> list() {
        return accounts.all();
    }

    @PostMapping
    ResponseEntity<StaffMember> create(@Valid @RequestBody NewStaffAccount account) {
        StaffMember created = accounts.create(account);
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }
}
