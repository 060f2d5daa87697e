package org.carebridge.identity.web;

import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    /** Who the caller is signed in as: roles, facility and the regions whose patients they serve. */
    @GetMapping("/api/me")
    StaffMember me() {
        return CurrentStaff.get();
    }
}
