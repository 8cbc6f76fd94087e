package vn.dondoc.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Units mirrored as Camunda groups; a unit gone from the file is reported while it owns open tasks. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false" })
class UnitGroupsIT {

	@Autowired
	UnitGroups groups;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Test
	void everyUnitIsACamundaGroupAndSyncingAgainChangesNothing() {
		assertThat(identity.createGroupQuery().groupType(UnitGroups.TYPE).count()).isEqualTo(37);
		assertThat(identity.createGroupQuery().groupId("ban-to-chuc").singleResult().getName()).isEqualTo("Ban Tổ chức Thành ủy");

		groups.sync();

		assertThat(identity.createGroupQuery().groupType(UnitGroups.TYPE).count()).isEqualTo(37);
	}

	@Test
	void aRemovedUnitWithOpenTasksIsKeptAndReportedAndOneWithoutIsRemoved() throws Exception {
		unitGroup("quan-uy-cu", "Quận ủy cũ");
		unitGroup("ban-giai-the", "Ban đã giải thể");
		Task open = tasks.newTask();
		open.setName("Việc còn mở của quận ủy cũ");
		tasks.saveTask(open);
		tasks.addCandidateGroup(open.getId(), "quan-uy-cu");

		groups.sync();

		assertThat(identity.createGroupQuery().groupId("quan-uy-cu").count()).isOne();
		assertThat(identity.createGroupQuery().groupId("ban-giai-the").count()).isZero();
		JsonNode units = json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/units", String.class));
		assertThat(units).anySatisfy(unit -> {
			assertThat(unit.get("code").asText()).isEqualTo("quan-uy-cu");
			assertThat(unit.get("status").asText()).isEqualTo("REMOVED_WITH_OPEN_TASKS");
			assertThat(unit.get("openTasks").asInt()).isOne();
		});
		tasks.deleteTask(open.getId(), true);
		groups.sync();
		assertThat(identity.createGroupQuery().groupId("quan-uy-cu").count()).as("gone once its last task is").isZero();
	}

	private void unitGroup(String id, String name) {
		Group group = identity.newGroup(id);
		group.setName(name);
		group.setType(UnitGroups.TYPE);
		identity.saveGroup(group);
	}

}
