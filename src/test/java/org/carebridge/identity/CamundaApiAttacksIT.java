package org.carebridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Camunda's REST API is the administrator's window on the engine — read it, give a failed job its
 * retries back — and it was a door as well: any write the engine knows, from deploying a process to
 * completing somebody's task, went through for ADMIN. Each attack is named after that hole.
 */
@IntegrationTest
class CamundaApiAttacksIT {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    void anAdministratorReadsTheEngineAndRetriesAJob() {
        ApiClient admin = ApiClient.as(port, "admin");
        ProcessInstance referral = openReferral();
        Job timer = management.createJobQuery().processInstanceId(referral.getId()).list().get(0);

        ApiClient.Response definitions = admin.get("/engine-rest/process-definition");
        assertThat(definitions.status()).isEqualTo(200);
        assertThat(definitions.body().findValuesAsText("key")).contains("referral");
        assertThat(admin.get("/engine-rest/job?processInstanceId=" + referral.getId()).body().findValuesAsText("id"))
                .contains(timer.getId());
        ApiClient.Response counted = admin.post("/engine-rest/process-instance/count",
                Map.of("processInstanceIds", List.of(referral.getId())));
        assertThat(counted.body().path("count").asInt()).as(counted.toString()).isEqualTo(1);

        ApiClient.Response retried = admin.put("/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 3));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(204);
        // Camunda's REST API answers a missing job with its own 500; what matters here is that it was let through
        assertThat(admin.put("/engine-rest/job/no-such-job/retries", Map.of("retries", 3)).status())
                .isNotIn(401, 403);
        ApiClient.Response batch = admin.post("/engine-rest/job/retries",
                Map.of("jobIds", List.of(timer.getId()), "retries", 3));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    }

    @Test
    void anAdministratorReadsNoPatientDataThroughCamundasApis() {
        ApiClient admin = ApiClient.as(port, "admin");
        ProcessInstance referral = openReferral();
        String instance = referral.getId();
        for (String path : List.of("/engine-rest/process-instance/" + instance + "/variables",
                "/engine-rest/process-instance/" + instance + "/variables/patientId",
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                "/engine-rest/history/detail?processInstanceId=" + instance,
                "/engine-rest/engine/default/variable-instance")) {
            ApiClient.Response read = admin.get(path);
            assertThat(read.status()).as(path).isEqualTo(403);
            assertThat(read.toString()).as(path).doesNotContain(runtime.getVariable(instance, "patientId").toString());
        }
        assertThat(admin.post("/engine-rest/variable-instance", Map.of("processInstanceIdIn", List.of(instance)))
                .status()).isEqualTo(403);
        // the case itself is named (its business key), the patient is not
        assertThat(admin.get("/engine-rest/process-instance/" + instance).status()).isEqualTo(200);
    }

    @Test
    void camundasOwnChecksLetTheAdministratorReadAndRetryButChangeNothing() {
        ProcessInstance referral = openReferral();
        Job timer = management.createJobQuery().processInstanceId(referral.getId()).list().get(0);
        identity.setAuthentication("admin", List.of("ADMIN"));
        try {
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(referral.getId()).count()).isOne();
            management.setJobRetries(timer.getId(), 3);
            assertThatThrownBy(() -> runtime.getVariables(referral.getId())).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.setVariable(referral.getId(), "x", "planted"))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.deleteProcessInstance(referral.getId(), "gone"))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("referral"))
                    .isInstanceOf(AuthorizationException.class);
            Task task = tasks.createTaskQuery().processInstanceId(referral.getId()).singleResult();
            assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(referral.getId()).count()).isOne();
        // nobody is in camunda-admin, which would pass every check
        assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId())
                .containsExactly("ADMIN");
    }

    @Test
    void anAdministratorCannotChangeACaseThroughCamundasRestApi() {
        ApiClient admin = ApiClient.as(port, "admin");
        ProcessInstance referral = openReferral();
        Task task = tasks.createTaskQuery().processInstanceId(referral.getId()).singleResult();
        long deployments = repository.createDeploymentQuery().count();
        long instances = runtime.createProcessInstanceQuery().count();
        String instance = "/engine-rest/process-instance/" + referral.getId();

        List<ApiClient.Response> refused = List.of(
                admin.post("/engine-rest/deployment/create", Map.of("deployment-name", "attack")),
                admin.post(instance + "/modification", Map.of("instructions",
                        List.of(Map.of("type", "cancel", "activityId", task.getTaskDefinitionKey())))),
                admin.exchange(HttpMethod.DELETE, instance, null),
                admin.exchange(HttpMethod.DELETE, "/engine-rest/engine/default/process-instance/" + referral.getId(), null),
                admin.put(instance + "/variables/x", Map.of("value", "planted", "type", "String")),
                admin.put(instance + "/suspended", Map.of("suspended", true)),
                admin.post("/engine-rest/task/" + task.getId() + "/complete", Map.of()),
                admin.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "admin")),
                admin.post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "admin")),
                admin.post("/engine-rest/message", Map.of("messageName", "ReferralCancelled",
                        "processInstanceId", referral.getId())),
                admin.post("/engine-rest/signal", Map.of("name", "anything")),
                admin.post("/engine-rest/process-definition/key/referral/start", Map.of()),
                admin.post("/engine-rest/job/" + firstJob(referral).getId() + "/execute", Map.of()),
                admin.exchange(HttpMethod.PATCH, "/engine-rest/process-definition/key/referral/history-time-to-live",
                        Map.of("historyTimeToLive", 1)));
        for (ApiClient.Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.isProblem()).as(response.toString()).isTrue();
        }

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(referral.getId()).singleResult();
        assertThat(after).as("the referral's process").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(runtime.getVariable(referral.getId(), "x")).as("a planted variable").isNull();
        Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).as("the task, open").isNotNull();
        assertThat(still.getAssignee()).isNotEqualTo("admin");
    }

    @Test
    void onlyAnAdministratorReadsCamundasRestApi() {
        for (String user : List.of("coordinator", "doctor", "planner", "records")) {
            assertThat(ApiClient.as(port, user).get("/engine-rest/process-definition").status()).as(user).isEqualTo(403);
        }
    }

    private Job firstJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).list().get(0);
    }

    /** A referral waiting for its review, with its review timer as a job. */
    private ProcessInstance openReferral() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(new DemoData(port).submitReferral())
                .singleResult();
    }
}
