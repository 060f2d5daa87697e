package org.carebridge.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.carebridge.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's own authorization checks, on (roles.md: the admin reads and retries jobs and incidents in
 * Cockpit and the REST API, and never changes a case). They apply wherever a Camunda user is signed in —
 * Camunda's webapps and REST API — and grant the administrators' group exactly that: reading definitions,
 * deployments, instances, tasks and history, retrying jobs (one by one or as a batch), and opening
 * Cockpit; no process, task or history variable (specific variable permissions are enforced), no change
 * to an instance. The HTTP allow-list ({@link CamundaOperations}) refuses the same writes before they
 * reach the engine. CareBridge's own services call the engine with no Camunda user (its inbox has the
 * case's access policy), so no authorization rows are written per task or instance.
 */
@Component
class CamundaAuthorizations extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);
    private static final String ADMINS = Role.ADMIN.name();

    private record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    private static final List<Grant> ADMIN_GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Resources.PROCESS_DEFINITION, "*", List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB)),
            new Grant(Resources.PROCESS_INSTANCE, "*", List.of(ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB)),
            new Grant(Resources.DEPLOYMENT, "*", List.of(Permissions.READ)),
            new Grant(Resources.TASK, "*", List.of(Permissions.READ)),
            new Grant(Resources.DECISION_DEFINITION, "*", List.of(Permissions.READ)),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", List.of(Permissions.READ)),
            new Grant(Resources.BATCH, "*", List.of(BatchPermissions.READ, BatchPermissions.READ_HISTORY,
                    BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES, BatchPermissions.CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES)));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // variables name patients: reading them takes a permission of its own, which nobody is granted
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setResourceAuthorizationProvider(new NoRowsPerTask());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Grant grant : ADMIN_GRANTS) {
            Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(ADMINS)
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            Authorization authorization = existing != null ? existing
                    : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(ADMINS);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            grant.permissions().forEach(authorization::addPermission);
            try {
                authorizations.saveAuthorization(authorization);
            } catch (RuntimeException e) {
                // another node, starting at the same time, wrote it first
                log.info("Grant on {} for {} already written: {}", grant.resource().resourceName(), ADMINS, e.getMessage());
            }
        }
    }

    /**
     * Camunda would write an authorization row for every task's assignee and candidate group: CareBridge's
     * inbox decides who works a task, by the case's access policy, and Camunda's webapps change no task.
     */
    private static final class NoRowsPerTask extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return null;
        }
    }
}
