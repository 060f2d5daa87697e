package org.carebridge.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.carebridge.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda reads CareBridge's staff accounts as its users and their roles as its groups, so user tasks
 * can go to a role and a user's task queries know their roles, without a second copy to keep in step.
 * Nobody is in Camunda's own {@code camunda-admin} group, which would pass every authorization check:
 * administrators have the grants {@link CamundaAuthorizations} gives their role. Camunda never checks a
 * password: its webapps and REST API trust the Spring Security sign-in.
 */
final class StaffIdentityProvider implements ReadOnlyIdentityProvider {

    /** A staff member as the process engine sees them. */
    record EngineUser(String username, String displayName, Set<Role> roles) {
        boolean inGroup(String group) {
            return roles.stream().anyMatch(role -> groupsOf(role).contains(group));
        }
    }

    private final JdbcTemplate jdbc;

    StaffIdentityProvider(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A role's Camunda group: the role itself. */
    static List<String> groupsOf(Role role) {
        return List.of(role.name());
    }

    static List<String> allGroups() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    /** Every enabled account with its roles, in one query: a province has hundreds of staff, not millions. */
    private List<EngineUser> users() {
        Map<String, EngineUser> users = new TreeMap<>();
        jdbc.query("select a.username, a.display_name, r.role from staff_account a"
                + " left join staff_account_role r on r.account_id = a.id where a.enabled = true", row -> {
                    EngineUser user = users.computeIfAbsent(row.getString(1),
                            name -> new EngineUser(name, rowString(row, 2), EnumSet.noneOf(Role.class)));
                    if (row.getString(3) != null) {
                        user.roles().add(Role.valueOf(row.getString(3)));
                    }
                });
        return List.copyOf(users.values());
    }

    private static String rowString(java.sql.ResultSet row, int column) {
        try {
            return row.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public User findUserById(String userId) {
        StaffUserQuery query = new StaffUserQuery(null);
        query.userId(userId);
        return query.executeList(Context.getCommandContext(), null).stream().findFirst().orElse(null);
    }

    /** A query run on its own: it opens its command (and so this provider) when executed. */
    @Override
    public UserQuery createUserQuery() {
        return new StaffUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new StaffUserQuery(null);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("CareBridge's staff accounts answer no native SQL queries");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    @Override
    public Group findGroupById(String groupId) {
        StaffGroupQuery query = new StaffGroupQuery(null);
        query.groupId(groupId);
        return query.executeList(Context.getCommandContext(), null).stream().findFirst().orElse(null);
    }

    @Override
    public org.camunda.bpm.engine.identity.GroupQuery createGroupQuery() {
        return new StaffGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public org.camunda.bpm.engine.identity.GroupQuery createGroupQuery(CommandContext commandContext) {
        return new StaffGroupQuery(null);
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants(null);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private static StaffIdentityProvider provider(CommandContext context) {
        return (StaffIdentityProvider) context.getReadOnlyIdentityProvider();
    }

    private static <T> List<T> page(List<T> all, Page page) {
        if (page == null) {
            return all;
        }
        return all.stream().skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
    }

    /** Camunda's "like" patterns use % for any text. */
    private static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    private static <T> Predicate<T> when(boolean given, Predicate<T> test) {
        return given ? test : t -> true;
    }

    private static final class StaffUserQuery extends UserQueryImpl {

        StaffUserQuery(CommandExecutor executor) {
            super(executor);
        }

        private List<User> matching(CommandContext context) {
            if (tenantId != null || procDefId != null) {
                return List.of();
            }
            return provider(context).users().stream()
                    .filter(when(id != null, u -> u.username().equals(id)))
                    .filter(when(ids != null, u -> ids != null && Arrays.asList(ids).contains(u.username())))
                    .filter(when(firstName != null, u -> u.displayName().equals(firstName)))
                    .filter(when(firstNameLike != null, u -> like(u.displayName(), firstNameLike)))
                    .filter(when(lastName != null, u -> lastName.isEmpty()))
                    .filter(when(lastNameLike != null, u -> like("", lastNameLike)))
                    .filter(when(email != null || emailLike != null, u -> false))
                    .filter(when(groupId != null, u -> u.inGroup(groupId)))
                    .map(StaffIdentityProvider::toUser)
                    .toList();
        }

        @Override
        public long executeCount(CommandContext context) {
            return matching(context).size();
        }

        @Override
        public List<User> executeList(CommandContext context, Page page) {
            return page(matching(context), page);
        }
    }

    private static final class StaffGroupQuery extends GroupQueryImpl {

        StaffGroupQuery(CommandExecutor executor) {
            super(executor);
        }

        private List<Group> matching(CommandContext context) {
            if (getTenantId() != null) {
                return List.of();
            }
            List<EngineUser> members = getUserId() == null ? List.of()
                    : provider(context).users().stream().filter(u -> u.username().equals(getUserId())).toList();
            return allGroups().stream()
                    .filter(when(getId() != null, g -> g.equals(getId())))
                    .filter(when(getIds() != null, g -> getIds() != null && Arrays.asList(getIds()).contains(g)))
                    .filter(when(getName() != null, g -> g.equals(getName())))
                    .filter(when(getNameLike() != null, g -> like(g, getNameLike())))
                    .filter(when(getType() != null, g -> Groups.GROUP_TYPE_WORKFLOW.equals(getType())))
                    .filter(when(getUserId() != null, g -> members.stream().anyMatch(u -> u.inGroup(g))))
                    .map(StaffIdentityProvider::toGroup)
                    .toList();
        }

        @Override
        public long executeCount(CommandContext context) {
            return matching(context).size();
        }

        @Override
        public List<Group> executeList(CommandContext context, Page page) {
            return page(matching(context), page);
        }
    }

    private static final class NoTenants extends TenantQueryImpl {

        NoTenants(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext context, Page page) {
            return List.of();
        }
    }

    private static User toUser(EngineUser user) {
        UserEntity entity = new UserEntity(user.username());
        entity.setFirstName(user.displayName());
        entity.setLastName("");
        return entity;
    }

    private static Group toGroup(String id) {
        GroupEntity group = new GroupEntity(id);
        group.setName(id);
        group.setType(Groups.GROUP_TYPE_WORKFLOW);
        return group;
    }
}
