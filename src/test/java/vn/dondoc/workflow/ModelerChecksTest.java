package vn.dondoc.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The checks Camunda Modeler runs, in the build: bpmnlint with the Camunda 7.24 rules and dondoc's own
 * (bpmnlint-plugin-dondoc: the dondoc.* properties and candidate groups against config/; .bpmnlintrc, no
 * warning allowed) on every model of bpmn/, and the element templates against Camunda's JSON schema. They
 * run on Node with the packages of package-lock.json: {@code npm ci} first (.ci/run does).
 */
class ModelerChecksTest {

	static final Path MODELS = Path.of("bpmn");

	@BeforeAll
	static void toolsAreInstalled() {
		if (!Files.isRegularFile(Path.of("node_modules/bpmnlint/bin/bpmnlint.js"))
				|| !Files.isDirectory(Path.of("node_modules/@camunda/element-templates-json-schema"))
				|| !Files.isRegularFile(Path.of("node_modules/bpmnlint-plugin-dondoc/index.js"))) {
			fail("The BPMN lint needs the npm packages of package.json: run 'npm ci' in " + Path.of("").toAbsolutePath()
					+ " (Node.js 18 or later), then build again.");
		}
	}

	@Test
	void everyModelPassesTheLintOfCamundaModelerFor724() throws Exception {
		List<String> models = models();
		assertThat(models).contains("bpmn/directive.bpmn", "bpmn/quarterly-report.bpmn");
		Result lint = bpmnlint(models);
		assertThat(lint.exitCode()).as("bpmnlint found problems:\n" + lint.output()).isZero();
	}

	@Test
	void elementTemplatesMatchTheCamundaElementTemplateSchema() throws Exception {
		Result check = node(List.of("src/test/resources/lint/validate-element-templates.mjs", "bpmn/.camunda/element-templates"));
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("2 element template(s)");
	}

	@Test
	void lintFailsTheBuildOnABrokenModel(@TempDir Path folder) throws Exception {
		Path broken = folder.resolve("broken.bpmn");
		// a user task without a name, and no history time to live
		Files.writeString(broken, Files.readString(MODELS.resolve("quarterly-report.bpmn"))
			.replace(" name=\"Gửi báo cáo quý\"", "")
			.replace(" camunda:historyTimeToLive=\"1825\"", ""), StandardCharsets.UTF_8);
		Result lint = bpmnlint(List.of(broken.toString()));
		assertThat(lint.exitCode()).isNotZero();
		assertThat(lint.output()).contains("submitQuarterlyReport").contains("label-required").contains("history-time-to-live");
	}

	@Test
	void dondocRulesNameTheElementOfABadPolicyAnUnknownPropertyAndAnUnknownUnit(@TempDir Path folder) throws Exception {
		Path wrong = folder.resolve("wrong-properties.bpmn");
		// the mistakes dondoc refuses on deployment (ModelPropertyCheck), caught while modelling
		Files.writeString(wrong, Files.readString(MODELS.resolve("quarterly-report.bpmn"))
			.replace("<camunda:property name=\"dondoc.reminder.policy\" value=\"default\" />",
					"<camunda:property name=\"dondoc.reminder.policy\" value=\"khan-cap-2\" />"
							+ "<camunda:property name=\"dondoc.reminder.polcy\" value=\"khan-cap\" />"
							+ "<camunda:property name=\"dondoc.reminder.enabled\" value=\"có\" />"
							+ "<camunda:property name=\"dondoc.reminder.steps\" value=\"sap-han | ba ngày trước | DUE_SOON | UNIT\" />")
			.replace("camunda:candidateGroups=\"${unit}\"", "camunda:candidateGroups=\"ban-to-chuc, ban-khong-co\""),
				StandardCharsets.UTF_8);
		Result lint = bpmnlint(List.of(wrong.toString()));
		assertThat(lint.exitCode()).isNotZero();
		assertThat(lint.output())
			.contains("«submitQuarterlyReport» («Gửi báo cáo quý»): dondoc.reminder.policy = «khan-cap-2» không phải chính sách nhắc hạn nào"
					+ " trong reminder-policy.yml; các chính sách: tieu-chuan, khan-cap, chi-giao-viec")
			.contains("«dondoc.reminder.polcy» không phải thuộc tính dondoc nào")
			.contains("dondoc.reminder.enabled = «có» phải là true hoặc false")
			.contains("không đọc được «ba ngày trước»")
			.contains("«ban-khong-co» không phải mã đơn vị trong units.yml")
			.doesNotContain("«ban-to-chuc» không phải")
			.contains("dondoc/reminder-policy").contains("dondoc/known-properties").contains("dondoc/candidate-groups")
			.contains("dondoc/reminder-steps").contains("dondoc/reminder-enabled");
	}

	@Test
	void dondocRulesNameTheElementOfAnUnreadableDeadlinePhrase(@TempDir Path folder) throws Exception {
		Path wrong = folder.resolve("wrong-deadline.bpmn");
		// dondoc refuses it on deployment (DeadlineParser): quý V does not exist (DeadlineLintParityTest for the rest)
		Files.writeString(wrong, Files.readString(MODELS.resolve("quarterly-report.bpmn"))
			.replace("<camunda:property name=\"dondoc.deadline.text\" value=\"trong 10 ngày\" />",
					"<camunda:property name=\"dondoc.deadline.text\" value=\"trong quý V năm 2027\" />"), StandardCharsets.UTF_8);
		Result lint = bpmnlint(List.of(wrong.toString()));
		assertThat(lint.exitCode()).isNotZero();
		assertThat(lint.output())
			.contains("submitQuarterlyReport  error  phần tử «submitQuarterlyReport» («Gửi báo cáo quý»): dondoc.deadline.text"
					+ " = «trong quý V năm 2027» không đọc được thành thời hạn: Quý «V» không tồn tại: một năm chỉ có quý I đến"
					+ " quý IV.  dondoc/deadline-text")
			.contains("1 problem");
	}

	@Test
	void schemaCheckFailsOnABrokenTemplate(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("broken.json"), """
				{ "name": "Hỏng", "id": "broken", "properties": [ { "type": "Dropdown", "binding": { "type": "property", "name": "name" } } ] }
				""");
		Result check = node(List.of("src/test/resources/lint/validate-element-templates.mjs", folder.toString()));
		assertThat(check.exitCode()).isNotZero();
		assertThat(check.output()).contains("appliesTo").contains("choices");
	}

	static List<String> models() throws IOException {
		try (Stream<Path> files = Files.list(MODELS)) {
			return files.map(path -> MODELS.getFileName() + "/" + path.getFileName())
				.filter(name -> name.endsWith(".bpmn"))
				.sorted()
				.toList();
		}
	}

	static Result bpmnlint(List<String> files) throws Exception {
		List<String> args = new ArrayList<>(List.of("node_modules/bpmnlint/bin/bpmnlint.js", "--max-warnings", "0"));
		args.addAll(files);
		return node(args);
	}

	static Result node(List<String> args) throws Exception {
		List<String> command = new ArrayList<>(List.of("node"));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("node " + args + " did not finish in 2 minutes:\n" + output);
		}
		// ANSI colours make the messages hard to read in a report
		return new Result(process.exitValue(), output.replaceAll("\u001B\\[[;\\d]*m", ""));
	}

	record Result(int exitCode, String output) {
	}

}
