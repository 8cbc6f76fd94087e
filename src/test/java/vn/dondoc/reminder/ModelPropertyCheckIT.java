package vn.dondoc.reminder;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import vn.dondoc.support.ModelerDeploy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model deployed as Camunda Modeler's Deploy button does it (multipart to {@code /engine-rest/deployment/create},
 * the file as Modeler saves it, with the "Nhiệm vụ có thời hạn" template applied): wrong {@code dondoc.*}
 * properties refuse the whole deployment, each named with its element, line and value; a right one deploys.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.notification.poll-interval=0" })
// not the dashboard tests' context: Camunda's REST API and webapps find "the" engine in a static registry,
// where the context started last wins; the dashboard's context must be started after this one
class ModelPropertyCheckIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	ObjectMapper json;

	@Test
	void wrongPropertiesRefuseTheDeploymentAndNameEachMistake() throws Exception {
		String model = model("kiemTraSai", "ban-to-chuc, ban-khong-co", """
				          <camunda:property name="dondoc.reminder.policy" value="khan-cap-2" />
				          <camunda:property name="dondoc.reminder.polcy" value="khan-cap" />
				          <camunda:property name="dondoc.reminder.steps" value="nhac | mười ngày trước hạn | REMINDER | UNIT" />
				          <camunda:property name="dondoc.deadline.text" value="vào một ngày đẹp trời" />
				          <camunda:property name="dondoc.reminder.enabled" value="có" />""");

		ResponseEntity<String> refused = deploy("kiem-tra-sai.bpmn", model);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		String message = json.readTree(refused.getBody()).path("message").asText();
		assertThat(message).contains("kiem-tra-sai.bpmn").contains("Activity_kiemTra").contains("Báo cáo kết quả kiểm tra")
			.contains("dondoc.reminder.policy = «khan-cap-2»").contains("tieu-chuan")
			.contains("dondoc.reminder.polcy = «khan-cap»").contains("không phải thuộc tính dondoc")
			.contains("dondoc.reminder.steps = «nhac | mười ngày trước hạn")
			.contains("dondoc.deadline.text = «vào một ngày đẹp trời»")
			.contains("dondoc.reminder.enabled = «có»")
			.contains("«ban-khong-co» không phải mã đơn vị");
		assertThat(message.lines().filter(line -> line.contains("phần tử «Activity_kiemTra»")).count()).isEqualTo(6);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("kiemTraSai").count()).as("nothing deployed").isZero();
	}

	@Test
	void rightPropertiesDeployAsModelerSendsThem() throws Exception {
		String model = model("kiemTraDung", "ban-to-chuc,tracking-office", """
				          <camunda:property name="dondoc.reminder.policy" value="khan-cap" />
				          <camunda:property name="dondoc.reminder.steps" value="nhac | 2 ngày làm việc trước hạn | DUE_SOON | UNIT" />
				          <camunda:property name="dondoc.deadline.text" value="hoàn thành trong quý II năm 2027" />
				          <camunda:property name="dondoc.reminder.enabled" value="true" />""");

		ResponseEntity<String> deployed = deploy("kiem-tra-dung.bpmn", model);

		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("kiemTraDung").count()).isEqualTo(1);
	}

	@Test
	void expressionsAreLeftToTheStartOfEachInstance() throws Exception {
		String model = model("kiemTraBieuThuc", "${unit}", """
				          <camunda:property name="dondoc.reminder.policy" value="${policy}" />""");

		assertThat(deploy("kiem-tra-bieu-thuc.bpmn", model).getStatusCode().value()).isEqualTo(200);
	}

	private ResponseEntity<String> deploy(String fileName, String model) {
		return ModelerDeploy.deploy(rest, fileName, model);
	}

	private static String model(String key, String candidateGroups, String properties) throws IOException {
		return ModelerDeploy.model(key, candidateGroups, properties);
	}


}
