package org.carebridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carebridge.identity.Role;

/**
 * The table of {@code docs/roles.md} as it is written: for each resource row, what each role's column
 * grants ({@code "—"} for nothing). The access tests read it instead of restating it, so that a change in
 * the table fails them until {@link RoleGrants} says what the new words mean.
 */
public record RolesTable(List<Role> roles, Map<String, Map<Role, String>> rows) {

    public static final Path FILE = Path.of("docs", "roles.md");

    public static RolesTable read() {
        try {
            return parse(Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    /** The first markdown table of the text: its header names the roles, each further row a resource. */
    static RolesTable parse(List<String> lines) {
        List<Role> roles = null;
        Map<String, Map<Role, String>> rows = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("|")) {
                if (roles != null) {
                    break;   // the table ended
                }
                continue;
            }
            List<String> cells = cells(trimmed);
            if (roles == null) {
                roles = cells.subList(1, cells.size()).stream().map(Role::valueOf).toList();
            } else if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;   // the header's separator
            } else {
                if (cells.size() != roles.size() + 1) {
                    throw new IllegalStateException("row of " + cells.size() + " cells for " + roles.size() + " roles: " + line);
                }
                Map<Role, String> grants = new LinkedHashMap<>();
                for (int i = 0; i < roles.size(); i++) {
                    grants.put(roles.get(i), cells.get(i + 1));
                }
                if (rows.put(cells.get(0), grants) != null) {
                    throw new IllegalStateException("resource listed twice: " + cells.get(0));
                }
            }
        }
        if (roles == null) {
            throw new IllegalStateException("no table in " + FILE);
        }
        return new RolesTable(roles, rows);
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return new ArrayList<>(Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList());
    }
}
