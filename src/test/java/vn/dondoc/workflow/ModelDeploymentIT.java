package vn.dondoc.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.dondoc.DondocApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Models from a folder: changed files only get a new version, a broken one stops the start-up. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class ModelDeploymentIT {

	@Autowired
	RepositoryService repositoryService;

	@TempDir
	Path models;

	@Test
	void redeploysOnlyWhatChanged() throws Exception {
		Files.writeString(models.resolve("probe-a.bpmn"), process("probeA", "Thử A"), StandardCharsets.UTF_8);
		Files.writeString(models.resolve("probe-b.bpmn"), process("probeB", "Thử B"), StandardCharsets.UTF_8);
		ModelDeployment deployment = new ModelDeployment(repositoryService, new WorkflowSettings(models));

		deployment.afterSingletonsInstantiated();
		assertThat(versions("probeA")).isEqualTo(1);
		assertThat(versions("probeB")).isEqualTo(1);

		deployment.afterSingletonsInstantiated();
		assertThat(versions("probeA")).as("unchanged file, no new version").isEqualTo(1);

		Files.writeString(models.resolve("probe-b.bpmn"), process("probeB", "Thử B, sửa đổi"), StandardCharsets.UTF_8);
		deployment.afterSingletonsInstantiated();
		assertThat(versions("probeA")).isEqualTo(1);
		assertThat(versions("probeB")).isEqualTo(2);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("probeB").latestVersion()
			.singleResult().getName()).isEqualTo("Thử B, sửa đổi");
	}

	@Test
	void skipsModelerFoldersAndOtherFiles() throws Exception {
		Files.createDirectories(models.resolve(".camunda/element-templates"));
		Files.writeString(models.resolve(".camunda/element-templates/template.json"), "{}");
		Files.writeString(models.resolve("README.txt"), "not a model");
		Files.writeString(models.resolve("probe-c.bpmn"), process("probeC", "Thử C"), StandardCharsets.UTF_8);

		new ModelDeployment(repositoryService, new WorkflowSettings(models)).afterSingletonsInstantiated();

		assertThat(versions("probeC")).isEqualTo(1);
		assertThat(repositoryService.createDeploymentQuery().deploymentName("README.txt").count()).isZero();
	}

	@Test
	void namesTheFileAndTheProblemOfAModelThatDoesNotParse() throws Exception {
		Files.writeString(models.resolve("broken.bpmn"), process("broken", "Hỏng").replace("</bpmn:process>", "<bpmn:userTask id=\"t\" />"),
				StandardCharsets.UTF_8);
		ModelDeployment deployment = new ModelDeployment(repositoryService, new WorkflowSettings(models));

		assertThatThrownBy(deployment::afterSingletonsInstantiated).isInstanceOf(ModelDoesNotParseException.class)
			.hasMessageContaining("broken.bpmn")
			.hasMessageContaining("line ")
			.hasMessageContaining("must be terminated by the matching end-tag");
	}

	@Test
	void refusesToStartWithAModelThatDoesNotParseAndSaysWhy(CapturedOutput output) throws Exception {
		Files.writeString(models.resolve("no-ttl.bpmn"), process("noTtl", "Thiếu TTL").replace(" camunda:historyTimeToLive=\"30\"", ""),
				StandardCharsets.UTF_8);
		SpringApplication app = new SpringApplication(DondocApplication.class);
		assertThatThrownBy(() -> app.run("--server.port=0", "--dondoc.mail.embedded-port=0", "--dondoc.demo.enabled=false",
				"--dondoc.data-dir=target/it-data/broken-" + System.nanoTime(), "--dondoc.workflow.model-dir=" + models))
			.isInstanceOf(ModelDoesNotParseException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The model " + models + "/no-ttl.bpmn does not parse")
			.containsIgnoringCase("historyTimeToLive")
			.contains("Camunda Modeler");
	}

	private long versions(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count();
	}

	static String process(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_%1$s" targetNamespace="https://dondoc.vn/test">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="30">
				    <bpmn:startEvent id="start" />
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
				    <bpmn:endEvent id="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, name);
	}

}
