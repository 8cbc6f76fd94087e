package vn.dondoc.platform;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.dondoc.attachment.Attachments;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.notification.EmbeddedSmtpServer;
import vn.dondoc.reminder.ReminderWakeMigration;
import vn.dondoc.support.DirectiveStart;
import vn.dondoc.workflow.DirectiveCopiesMigration;
import vn.dondoc.workflow.DisplayCopiesMigration;
import vn.dondoc.workflow.lifecycle.EmptyFormFieldsMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * What the foundation promises, checked against a running dondoc: the same checks run on H2 and on
 * PostgreSQL (see the subclasses).
 */
abstract class FoundationChecks {

	static final String ADMIN = "admin";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	DataSource dataSource;

	@Autowired
	Scheduler scheduler;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	DocumentImporter importer;

	@Autowired
	Attachments attachments;

	@Autowired
	DirectiveCatalog catalog;

	abstract String adminPassword();

	@Test
	void keepsAReportFileByteForByte() {
		importer.importDocument("""
				code: FOUNDATION-FILES
				title: "Kiểm tra tệp đính kèm"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: 2030-01-02
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Giao Ban Tổ chức Thành ủy báo cáo."
				    lead: [ban-to-chuc]
				    dueDate: 2030-03-31
				""", "yaml", "test", false);
		long directive = catalog.idOf("FOUNDATION-FILES/1").orElseThrow();
		byte[] pdf = new byte[300_000];
		System.arraycopy("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 8);
		pdf[pdf.length - 1] = (byte) 0xFF;
		List<Attachments.CheckedFile> files = attachments.check(List.of(new Attachments.Upload("Báo cáo.pdf", pdf)));
		transactions.executeWithoutResult(tx -> attachments.store(directive, "ban-to-chuc", 0, files, "test"));
		Attachments.AttachmentInfo stored = attachments.of(directive).get(0);
		assertThat(stored.fileName()).isEqualTo("Báo cáo.pdf");
		assertThat(attachments.file(directive, stored.id()).orElseThrow().content()).isEqualTo(pdf);
	}

	private final JobKey probeJob = JobKey.jobKey("transaction-probe", "test");

	@AfterEach
	void removeProbe() throws SchedulerException {
		scheduler.deleteJob(probeJob);
		jdbc.sql("DELETE FROM history_entry WHERE subject = 'transaction-probe'").update();
	}

	@Test
	void deploysTheModelsOfTheBpmnFolder() {
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("directive").latestVersion().singleResult())
			.isNotNull()
			.satisfies(definition -> assertThat(definition.getName()).isEqualTo("Theo dõi thực hiện nhiệm vụ"));
		assertThat(repositoryService.createDeploymentQuery().deploymentName("directive.bpmn").count()).isEqualTo(1);
	}

	@Test
	void refusesTheApisWithoutCredentials() {
		assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// an unknown user, not a wrong admin password: Camunda delays the next login of a user after a failure
		assertThat(rest.withBasicAuth("nobody", "wrong-password").getForEntity("/api/me", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void answersTheApisWithCredentials() {
		ResponseEntity<String> engines = rest.withBasicAuth(ADMIN, adminPassword()).getForEntity("/engine-rest/engine", String.class);
		assertThat(engines.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(engines.getBody()).contains("\"name\":\"default\"");

		ResponseEntity<String> me = rest.withBasicAuth(ADMIN, adminPassword()).getForEntity("/api/me", String.class);
		assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(me.getBody()).contains("\"username\":\"admin\"").contains("camunda-admin");

		// the engine's authorizations see the REST user: the admin may list the deployed definitions
		ResponseEntity<String> definitions = rest.withBasicAuth(ADMIN, adminPassword())
			.getForEntity("/engine-rest/process-definition?key=directive", String.class);
		assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(definitions.getBody()).contains("\"key\":\"directive\"");
	}

	@Test
	void camundaWebappsLogInWithTheSameAccountAndNeverOfferTheSetupPage() {
		assertThat(rest.getForEntity("/camunda/api/engine/engine/default/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		HttpHeaders form = webappHeaders();
		form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("username", "nobody");
		credentials.add("password", "wrong-password");
		assertThat(rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
				new HttpEntity<>(credentials, form), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		credentials.set("username", ADMIN);
		credentials.set("password", adminPassword());
		ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
				new HttpEntity<>(credentials, form), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(login.getBody()).contains("\"userId\":\"admin\"");

		HttpHeaders json = webappHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> setup = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
				new HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}", json), String.class);
		assertThat(setup.getStatusCode()).as("first-admin set-up must be refused").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(setup.getBody()).containsIgnoringCase("setup action not available");
	}

	/**
	 * A fresh webapp session with its CSRF token, as the browser would have after its first call; from the
	 * webapps' API, since their pages send a stranger to dondoc's login form first.
	 */
	private HttpHeaders webappHeaders() {
		ResponseEntity<String> page = rest.getForEntity("/camunda/api/admin/auth/user/default", String.class);
		HttpHeaders headers = new HttpHeaders();
		List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
		StringBuilder cookie = new StringBuilder();
		for (String setCookie : cookies) {
			String pair = setCookie.split(";", 2)[0];
			cookie.append(cookie.isEmpty() ? "" : "; ").append(pair);
			if (pair.startsWith("XSRF-TOKEN=")) {
				headers.set("X-XSRF-TOKEN", pair.substring("XSRF-TOKEN=".length()));
			}
		}
		headers.set(HttpHeaders.COOKIE, cookie.toString());
		assertThat(headers.getFirst("X-XSRF-TOKEN")).as("the webapp hands out a CSRF token").isNotBlank();
		return headers;
	}

	@Test
	void quartzTriggerScheduledInARolledBackTransactionDoesNotExist() throws SchedulerException {
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			scheduleProbe();
			jdbc.sql("INSERT INTO history_entry (occurred_at, subject, kind) VALUES (CURRENT_TIMESTAMP, 'transaction-probe', 'TEST')").update();
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");

		assertThat(scheduler.checkExists(probeJob)).isFalse();
		assertThat(scheduler.checkExists(TriggerKey.triggerKey("transaction-probe", "test"))).isFalse();
		assertThat(historyProbeRows()).isZero();

		// and the same work, committed, is there: the check above can fail
		transactions.executeWithoutResult(status -> {
			scheduleProbe();
			jdbc.sql("INSERT INTO history_entry (occurred_at, subject, kind) VALUES (CURRENT_TIMESTAMP, 'transaction-probe', 'TEST')").update();
		});
		assertThat(scheduler.checkExists(probeJob)).isTrue();
		assertThat(historyProbeRows()).isOne();
	}

	@Test
	void mailSentThroughJavaMailSenderArrivesAtTheEmbeddedSmtpServer() throws Exception {
		String subject = "Nhắc hạn: Kế hoạch luân chuyển cán bộ " + System.nanoTime();
		MimeMessage message = mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom("dondoc@thanhuy-haiphong.example");
		helper.setTo("ban-to-chuc@thanhuy-haiphong.example");
		helper.setSubject(subject);
		helper.setText("Đồng chí Trưởng ban Tổ chức Thành ủy: hạn hoàn thành 30/06/2023.");
		mailSender.send(message);

		await().untilAsserted(() -> assertThat(smtp.receivedMessages())
			.anySatisfy(received -> {
				assertThat(received.getSubject()).isEqualTo(subject);
				assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ban-to-chuc@thanhuy-haiphong.example");
				assertThat(received.getContent().toString()).contains("Đồng chí Trưởng ban Tổ chức Thành ủy");
			}));
	}

	private void scheduleProbe() {
		JobDetail job = JobBuilder.newJob(NoOpJob.class).withIdentity(probeJob).storeDurably().build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("transaction-probe", "test")
			.forJob(job)
			.startAt(new Date(System.currentTimeMillis() + 3_600_000))
			.build();
		try {
			scheduler.scheduleJob(job, trigger);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

	private long historyProbeRows() {
		return jdbc.sql("SELECT COUNT(*) FROM history_entry WHERE subject = 'transaction-probe'").query(Long.class).single();
	}



	/**
	 * Migration 37 on this database: a directive process started before issue 18's fifth slice, with the copies
	 * of its directive's row on its process instance (the coordinating units a serialized list with its byte
	 * array), loses those copies and nothing else: not its id, document code and section, not its unit's part.
	 */
	@Test
	void migration37RemovesTheCopiesOfTheDirectiveFromItsProcessInstance() throws Exception {
		Map<String, Object> variables = DirectiveStart.variables("M37", List.of("ban-to-chuc"),
				new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
		variables.put(VAR_COORDINATING_UNITS, new java.util.ArrayList<>(List.of("ban-tuyen-giao")));
		String directive = runtimeService.startProcessInstanceByKey(KEY, "M37-" + System.nanoTime(), variables).getId();
		String bytes = jdbc.sql("SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND NAME_ = ?")
			.params(directive, VAR_COORDINATING_UNITS).query(String.class).single();
		assertThat(bytes).isNotNull();
		Map<String, Object> partBefore = runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive).list().stream()
			.filter(variable -> !variable.getExecutionId().equals(directive))
			.collect(java.util.stream.Collectors.toMap(variable -> variable.getExecutionId() + "/" + variable.getName(),
					variable -> String.valueOf(variable.getValue())));

		int removed;
		try (Connection connection = dataSource.getConnection()) {
			removed = DirectiveCopiesMigration.removeCopies(connection);
		}

		assertThat(removed).isGreaterThanOrEqualTo(5);
		assertThat(runtimeService.getVariablesLocal(directive).keySet())
			.contains(VAR_DIRECTIVE_ID, VAR_DOCUMENT_CODE, VAR_SECTION, VAR_LEAD_UNITS, VAR_DUE_DATE, VAR_ORIGINAL_DUE_DATE, VAR_ONGOING)
			.doesNotContain(VAR_DOCUMENT_TITLE, VAR_TEXT, VAR_COORDINATING_UNITS, VAR_DEADLINE_TEXT, VAR_DEADLINE_KIND);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE ID_ = ?").param(bytes).query(Long.class).single()).isZero();
		Map<String, Object> partAfter = runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive).list().stream()
			.filter(variable -> !variable.getExecutionId().equals(directive))
			.collect(java.util.stream.Collectors.toMap(variable -> variable.getExecutionId() + "/" + variable.getName(),
					variable -> String.valueOf(variable.getValue())));
		assertThat(partAfter).as("the unit's part keeps every variable").isEqualTo(partBefore);
		// the part goes on: its task is there and can be completed as before
		assertThat(taskService.createTaskQuery().processInstanceId(directive).count()).isOne();
		runtimeService.deleteProcessInstance(directive, "thử xong");
	}

	/**
	 * Migration 39 on this database: a directive process started before issue 18's sixth slice loses what it held
	 * only to be shown (its document's code and section; its part's unit name and due date's label, with their
	 * history), and nothing else.
	 */
	@Test
	void migration39RemovesWhatADirectiveProcessHeldOnlyToBeShown() throws Exception {
		String directive = runtimeService.startProcessInstanceByKey(KEY, "M39-" + System.nanoTime(), DirectiveStart.variables("M39",
				List.of("ban-to-chuc"), new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000))).getId();
		String part = runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive).variableName(VAR_UNIT).list().stream()
			.map(variable -> variable.getExecutionId())
			.filter(execution -> !execution.equals(directive))
			.findFirst()
			.orElseThrow();
		// as a part started before kept them
		runtimeService.setVariableLocal(part, VAR_UNIT_NAME, "Ban Tổ chức Thành ủy");
		runtimeService.setVariableLocal(part, VAR_DUE_DATE_LABEL, "31/03/2030");
		java.util.function.Supplier<Map<String, String>> kept = () -> runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(directive).list().stream()
			.filter(variable -> !List.of(VAR_DOCUMENT_CODE, VAR_SECTION, VAR_UNIT_NAME, VAR_DUE_DATE_LABEL).contains(variable.getName()))
			.collect(java.util.stream.Collectors.toMap(variable -> variable.getExecutionId() + "/" + variable.getName(),
					variable -> String.valueOf(variable.getValue())));
		Map<String, String> before = kept.get();
		String history = "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ IN ('unitName', 'dueDateLabel')";
		assertThat(jdbc.sql(history).param(directive).query(Long.class).single()).isEqualTo(2);

		int[] removed;
		try (Connection connection = dataSource.getConnection()) {
			removed = DisplayCopiesMigration.removeDisplayCopies(connection);
		}

		assertThat(removed[0]).isGreaterThanOrEqualTo(4);
		assertThat(removed[1]).isGreaterThanOrEqualTo(2);
		assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive)
			.variableNameIn(VAR_DOCUMENT_CODE, VAR_SECTION, VAR_UNIT_NAME, VAR_DUE_DATE_LABEL).count()).isZero();
		assertThat(jdbc.sql(history).param(directive).query(Long.class).single()).isZero();
		assertThat(kept.get()).as("every other variable stays").isEqualTo(before).containsKey(directive + "/" + VAR_DIRECTIVE_ID);
		assertThat(taskService.createTaskQuery().processInstanceId(directive).count()).isOne();
		runtimeService.deleteProcessInstance(directive, "thử xong");
	}

	/**
	 * Migration 40 on this database: a directive process started before issue 18's seventh slice held its due date
	 * on the process instance, and above each part's scope the multi-instance's copy of the unit (with its
	 * history) and its loop counter, and history rows of the multi-instance and of each unit's sub-process. They go,
	 * of a part finished before too (its scope's own unit stays); the original due date, the parts' own variables
	 * and their tasks stay.
	 */
	@Test
	void migration40RemovesTheMultiInstanceCopiesAndTheHistoryOfTheEnclosingSteps() throws Exception {
		org.camunda.bpm.engine.runtime.ProcessInstance started = runtimeService.startProcessInstanceByKey(KEY, "M40-" + System.nanoTime(),
				DirectiveStart.variables("M40", List.of("ban-to-chuc", "ban-tuyen-giao"), new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000)));
		String directive = started.getId();
		Map<String, String> scopes = new HashMap<>();   // a part's scope execution, by the execution above it
		for (var variable : runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive).variableName(VAR_UNIT).list()) {
			scopes.put(jdbc.sql("SELECT PARENT_ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ?").param(variable.getExecutionId())
				.query(String.class).single(), variable.getExecutionId());
		}
		assertThat(scopes).hasSize(2);
		java.util.function.Supplier<Map<String, String>> ofScopes = () -> runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(directive).list().stream()
			.filter(variable -> !scopes.containsKey(variable.getExecutionId()))
			.filter(variable -> !(variable.getExecutionId().equals(directive) && variable.getName().equals(VAR_DUE_DATE)))
			.collect(java.util.stream.Collectors.toMap(variable -> variable.getExecutionId() + "/" + variable.getName(),
					variable -> String.valueOf(variable.getValue())));
		Map<String, String> before = ofScopes.get();
		// as a part started before kept them: the copy and the counter above its scope, the history of its sub-process
		String insertStep = "INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, "
				+ "START_TIME_) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";
		int counter = 0;
		for (Map.Entry<String, String> part : scopes.entrySet()) {
			runtimeService.setVariableLocal(part.getKey(), VAR_UNIT, runtimeService.getVariableLocal(part.getValue(), VAR_UNIT));
			runtimeService.setVariableLocal(part.getKey(), "loopCounter", counter++);
			jdbc.sql(insertStep).params("M40-step-" + part.getValue(), KEY, started.getProcessDefinitionId(), directive, part.getValue(),
					"unitPart", "subProcess").update();
		}
		jdbc.sql(insertStep).params("M40-body-" + directive, KEY, started.getProcessDefinitionId(), directive, directive,
				"unitPart#multiInstanceBody", "multiInstanceBody").update();
		// and a part finished before: its scope's unit, the copy above it
		String insertVariable = "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, "
				+ "TEXT_, STATE_, REV_, CREATE_TIME_) VALUES (?, ?, ?, ?, ?, 'unit', 'string', 'ban-dan-van', 'CREATED', 0, CURRENT_TIMESTAMP)";
		jdbc.sql(insertVariable).params("M40-own-" + directive, KEY, started.getProcessDefinitionId(), directive, "M40-finished-scope-" + directive).update();
		jdbc.sql(insertVariable).params("M40-copy-" + directive, KEY, started.getProcessDefinitionId(), directive, "M40-finished-above-" + directive).update();
		jdbc.sql(insertStep).params("M40-step-finished-" + directive, KEY, started.getProcessDefinitionId(), directive,
				"M40-finished-scope-" + directive, "unitPart", "subProcess").update();
		String unitHistory = "SELECT EXECUTION_ID_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'unit'";
		assertThat(jdbc.sql(unitHistory).param(directive).query(String.class).list()).hasSize(6);

		int[] removed;
		try (Connection connection = dataSource.getConnection()) {
			removed = vn.dondoc.workflow.PartCopiesMigration.removePartCopies(connection);
		}

		assertThat(removed[0]).isGreaterThanOrEqualTo(5);
		assertThat(removed[1]).isGreaterThanOrEqualTo(4);
		assertThat(runtimeService.getVariablesLocal(directive)).as("the instance keeps the original due date only")
			.containsKey(VAR_ORIGINAL_DUE_DATE).doesNotContainKey(VAR_DUE_DATE);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE EXECUTION_ID_ = ? AND NAME_ = ?").params(directive, VAR_DUE_DATE)
			.query(Long.class).single()).isZero();
		assertThat(removed[2]).isGreaterThanOrEqualTo(4);
		for (String above : scopes.keySet()) {
			assertThat(runtimeService.getVariablesLocal(above)).as("nothing above a part's scope").isEmpty();
		}
		assertThat(ofScopes.get()).as("the parts' own variables and the directive's stay").isEqualTo(before);
		assertThat(jdbc.sql(unitHistory).param(directive).query(String.class).list()).as("each part's own unit keeps its history")
			.containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(scopes.values().stream(),
					java.util.stream.Stream.of("M40-finished-scope-" + directive)).toList());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_TYPE_ IN ('subProcess', 'multiInstanceBody')")
			.param(directive).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_TYPE_ = 'userTask'")
			.param(directive).query(Long.class).single()).isEqualTo(2);
		assertThat(taskService.createTaskQuery().processInstanceId(directive).count()).isEqualTo(2);
		runtimeService.deleteProcessInstance(directive, "thử xong");
	}

	/**
	 * Migration 33 on this database: running parts started before issue 18 lose their empty form fields, and
	 * keep a field with a value, the follow-up note and everything else.
	 */
	@Test
	void migration33RemovesOnlyTheEmptyFormFieldsOfRunningParts() throws Exception {
		Map<String, Object> variables = DirectiveStart.variables("M33", List.of("ban-to-chuc"),
				new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
		String directive = runtimeService.startProcessInstanceByKey(KEY, "M33-" + System.nanoTime(), variables).getId();
		// the unit's part: the scope holding its own due date
		String scope = runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive).variableName(VAR_DUE_DATE).list()
			.stream()
			.map(variable -> variable.getExecutionId())
			.filter(execution -> !execution.equals(directive))
			.reduce((one, other) -> {
				throw new IllegalStateException("two unit scopes: " + one + ", " + other);
			})
			.orElseThrow();
		Map<String, Object> before = new HashMap<>();
		before.put(VAR_UNIT_ACTION, null);
		before.put(VAR_REPORT_TEXT, null);
		before.put(VAR_FOLLOW_UP_NOTE, null);
		before.put(VAR_REVIEW_COMMENT, "Cần bổ sung số liệu");
		runtimeService.setVariablesLocal(scope, before);
		// the same empty name on the process instance is not a part's: it stays
		runtimeService.setVariableLocal(directive, VAR_REPORT_LINK, null);

		int removed;
		try (Connection connection = dataSource.getConnection()) {
			removed = EmptyFormFieldsMigration.removeEmptyFormFields(connection);
		}

		assertThat(removed).isEqualTo(2);
		assertThat(runtimeService.getVariablesLocal(scope).keySet()).contains(VAR_UNIT, VAR_DUE_DATE, VAR_FOLLOW_UP_NOTE, VAR_REVIEW_COMMENT)
			.doesNotContain(VAR_UNIT_ACTION, VAR_REPORT_TEXT);
		assertThat(runtimeService.getVariablesLocal(directive).keySet()).contains(VAR_REPORT_LINK);
		runtimeService.deleteProcessInstance(directive, "thử xong");
	}

	/**
	 * Migration 35 on this database: the reminder jobs Quartz kept per task (group {@code reminder}, job name =
	 * task id) become wake-up rows at their trigger's moment (the earliest of two), or at once for a job
	 * whose trigger is missing; Quartz keeps none of them, and keeps its other jobs.
	 */
	@Test
	void migration35MovesTheReminderTriggersOfQuartzToWakeUpRows() throws Exception {
		String stamp = Long.toString(System.nanoTime());
		Instant inADay = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		Map<String, List<Instant>> legacy = Map.of("m35-one-" + stamp, List.of(inADay),
				"m35-two-" + stamp, List.of(inADay.plus(Duration.ofDays(2)), inADay.plus(Duration.ofHours(1))),
				"m35-none-" + stamp, List.of());
		for (Map.Entry<String, List<Instant>> task : legacy.entrySet()) {
			JobKey key = JobKey.jobKey(task.getKey(), "reminder");
			scheduler.addJob(JobBuilder.newJob(NoOpJob.class).withIdentity(key).storeDurably().requestRecovery().build(), false);
			for (Instant at : task.getValue()) {
				scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(task.getKey() + "@" + at.toEpochMilli(), "reminder")
					.forJob(key).startAt(Date.from(at)).build());
			}
		}
		scheduleProbe();
		Instant now = Instant.parse("2023-06-28T00:30:00Z");

		Map<String, Instant> wakes = new HashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				assertThat(ReminderWakeMigration.moveReminderTriggers(connection, now)).isGreaterThanOrEqualTo(3);
				try (var rows = connection.createStatement().executeQuery("SELECT task_id, wake_at FROM reminder_wake "
						+ "WHERE task_id LIKE 'm35-%'")) {
					while (rows.next()) {
						wakes.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
					}
				}
				try (var rows = connection.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE "
						+ "JOB_GROUP = 'reminder') + (SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'reminder') + "
						+ "(SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_GROUP = 'reminder'), "
						+ "(SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'transaction-probe')")) {
					rows.next();
					assertThat(rows.getLong(1)).as("reminder rows left in Quartz's tables").isZero();
					assertThat(rows.getLong(2)).as("other jobs stay").isOne();
				}
			}
			finally {
				// the fake tasks' rows would be fired (and found to be no tasks) by the pump: nothing is kept
				connection.rollback();
			}
		}
		assertThat(wakes).containsOnly(Map.entry("m35-one-" + stamp, inADay),
				Map.entry("m35-two-" + stamp, inADay.plus(Duration.ofHours(1))), Map.entry("m35-none-" + stamp, now));
		for (String task : legacy.keySet()) {
			scheduler.deleteJob(JobKey.jobKey(task, "reminder"));
		}
	}

}
