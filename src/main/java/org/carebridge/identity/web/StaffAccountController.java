package org.carebridge.identity.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.StaffAccess;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.identity.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** {@code {"enabled": false}} stops the account signing in, at once; {@code true} lets it again. */
    @PutMapping("/{username}/enabled")
    ResponseEntity<Void> setEnabled(@PathVariable String username, @Valid @RequestBody AccountEnabled body) {
        accounts.setEnabled(username, body.enabled());
        return ResponseEntity.noContent().build();
    }

    /** An administrator gives the account a new password; the old one stops working at once. */
    @PutMapping("/{username}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword body) {
        accounts.resetPassword(username, body.password());
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code {"roles": [...], "facilityId": ..., "regionIds": [...], "allRegions": false}} replaces the
     * account's roles, facility and regions; its next request is judged by them, on every node.
     */
    @PutMapping("/{username}/access")
    StaffMember changeAccess(@PathVariable String username, @Valid @RequestBody StaffAccess access) {
        return accounts.changeAccess(username, access);
    }

    record AccountEnabled(@NotNull Boolean enabled) {
    }

    record NewPassword(@NotBlank @Size(min = 8, max = 128) String password) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "NewPassword[****]";
        }
    }
}
