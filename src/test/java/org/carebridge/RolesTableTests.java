package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carebridge.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * The table of {@code docs/roles.md} and what the access tests make of it ({@link RoleGrants}) say the
 * same: every role is a column, every cell's words are known, and nothing is known that the table no
 * longer says. A change to the table fails here until the mapping, and so the tests, follow it.
 */
class RolesTableTests {

    private final RolesTable table = RolesTable.read();

    @Test
    void theTableHasAColumnForEveryRoleAndNoOther() {
        assertThat(table.roles()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void everyCellOfTheTableMeansEndpointsTheAccessTestsKnow() {
        table.rows().forEach((row, cells) -> cells.forEach((role, words) ->
                assertThat(RoleGrants.endpoints(row, words)).as(row + " × " + role + " \"" + words + "\"").isNotNull()));
    }

    @Test
    void theMappingKnowsNoRowOrWordsTheTableDoesNotSay() {
        Map<String, Set<String>> written = new LinkedHashMap<>();
        table.rows().forEach((row, cells) -> {
            Set<String> words = new LinkedHashSet<>(cells.values());
            words.remove(RoleGrants.NOTHING);
            written.put(row, words);
        });
        assertThat(RoleGrants.knownCells()).isEqualTo(written);
    }

    @Test
    void aCellTheMappingDoesNotKnowFailsInsteadOfGrantingNothing() {
        RolesTable changed = RolesTable.parse(List.of(
                "| | COORDINATOR | DOCTOR | PLANNER | RECORDS_OFFICER | ADMIN |",
                "|---|---|---|---|---|---|",
                "| assessments | run | run, override | — | — | — |"));
        assertThatThrownBy(() -> RoleGrants.grantsOf(changed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"run, override\" on \"assessments\"");
        RolesTable newRow = RolesTable.parse(List.of(
                "| | COORDINATOR | DOCTOR | PLANNER | RECORDS_OFFICER | ADMIN |",
                "|---|---|---|---|---|---|",
                "| prescriptions | — | write | — | — | — |"));
        assertThatThrownBy(() -> RoleGrants.grantsOf(newRow)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"prescriptions\"");
    }

    @Test
    void chartsAreForCoordinatorsDoctorsAndRecordsOfficersOnly() {
        // one reading checked by hand, so that a parser that reads nothing cannot pass
        Map<Role, Set<RoleGrants.Endpoint>> grants = RoleGrants.grantsOf(table);
        RoleGrants.Endpoint chart = new RoleGrants.Endpoint(org.springframework.http.HttpMethod.GET, "/api/patients/{patient}");
        assertThat(grants.entrySet().stream().filter(g -> g.getValue().contains(chart)).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(Role.COORDINATOR, Role.DOCTOR, Role.RECORDS_OFFICER);
        assertThat(table.rows()).hasSize(10);
    }
}
