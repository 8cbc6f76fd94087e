package vn.dondoc.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import vn.dondoc.support.ModelerDeploy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process modelled in Camunda Modeler (the "Nhiệm vụ có thời hạn" template, candidate group {@code ${unit}},
 * due date {@code ${dueDate}}), deployed as Modeler's Deploy button does it, under a key of its own so that
 * tests sharing one application do not count each other's work.
 */
record ModelledWork(String key, RuntimeService runtime, TaskService tasks) {

	static final String NAME = "Kiểm tra công tác cán bộ";

	static final String TASK = "Báo cáo kết quả kiểm tra";

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static ModelledWork deploy(TestRestTemplate rest, RuntimeService runtime, TaskService tasks) throws IOException {
		String key = "kiemTra" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String model = ModelerDeploy.model(key, "${unit}", "");
		ResponseEntity<String> deployed = ModelerDeploy.deploy(rest, key + ".bpmn", model);
		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
		return new ModelledWork(key, runtime, tasks);
	}

	/** Starts an instance for {@code unit}, due at the end of the working day {@code due}; its task. */
	Task start(String unit, LocalDate due, String businessKey) {
		Date dueDate = Date.from(due.atTime(LocalTime.of(17, 0)).atZone(VIETNAM).toInstant());
		String instance = runtime.startProcessInstanceByKey(key, businessKey, Map.of("unit", unit, "dueDate", dueDate)).getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

	static LocalDate today() {
		return LocalDate.now(VIETNAM);
	}

}
