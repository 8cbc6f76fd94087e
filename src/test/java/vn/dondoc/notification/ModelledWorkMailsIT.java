package vn.dondoc.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dondoc.reminder.ReminderEngine;
import vn.dondoc.support.MovableClock;
import vn.dondoc.support.PausedJobs;
import vn.dondoc.support.TestClock;

import vn.dondoc.support.ModelerDeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mails about work an administrator modelled, not about a directive: the model deployed as Camunda Modeler's
 * Deploy button sends it, an instance started through {@code /engine-rest} as any client would, the reminders
 * fired through Quartz and the mail read back from the embedded SMTP server. Each mail names the process, the
 * task, the unit by its name, the dates as {@code dd/MM/yyyy}, the model's deadline in words, and leaves out
 * what a task without a document does not have. A "Gửi thông báo" step has a mail of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/work-mails-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.base-url=https://dondoc.thanhuy-haiphong.example",
				"dondoc.notification.poll-interval=0" })
@Import(TestClock.class)
class ModelledWorkMailsIT {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** A Wednesday, a working day, at nine. */
	static final Instant NOW = at(2026, 12, 16, 9, 0);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Autowired
	MovableClock clock;

	@Autowired
	Scheduler scheduler;

	@Autowired
	TaskService tasks;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReminderEngine engine;

	@BeforeEach
	void pauseTheWallClock() throws Exception {
		// the reminders fire when the test says so, at the business time it set
		PausedJobs.pauseAndAwaitIdle(scheduler, ReminderEngine.PUMP);
		moveTo(NOW);
	}

	@AfterEach
	void resume() throws Exception {
		ClockUtil.reset();
		scheduler.resumeJob(ReminderEngine.PUMP);
	}

	@Test
	void aModelledTaskLateFromTheStartGetsMailsThatReadRight() throws Exception {
		String key = "kiemTra" + System.nanoTime();
		String model = new ClassPathResource("models/modeler-deadline-task.bpmn").getContentAsString(StandardCharsets.UTF_8)
			.replace("PROCESS_KEY", key)
			.replace("CANDIDATE_GROUPS", "${unit}")
			// the task's name shows a Date variable, as an administrator may write it
			.replace("name=\"Báo cáo kết quả kiểm tra\"", "name=\"Báo cáo kết quả kiểm tra (hạn ${dueDate})\"")
			.replace("PROPERTIES", """
					          <camunda:property name="dondoc.deadline.text" value="trong 10 ngày" />
					          <camunda:property name="dondoc.reminder.policy" value="default" />""");
		assertThat(deploy(key + ".bpmn", model).getStatusCode().value()).isEqualTo(200);

		// due on Thursday 03/12/2026 at 17:00, nine working days before "now": late from the start
		ResponseEntity<String> started = rest.withBasicAuth("admin", "admin").postForEntity(
				"/engine-rest/process-definition/key/" + key + "/start", jsonEntity("""
						{"variables": {
						  "unit": {"value": "ban-to-chuc", "type": "String"},
						  "dueDate": {"value": "2026-12-03T17:00:00.000+0700", "type": "Date"}}}"""), String.class);
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
		String instance = json.readTree(started.getBody()).path("id").asText();
		Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(task.getName()).isEqualTo("Báo cáo kết quả kiểm tra (hạn 03/12/2026)");

		fire(task, "leo-thang", 1);
		Received assignment = mail(task, "ASSIGNMENT");
		Received overdue = mail(task, "OVERDUE");
		Received escalation = mail(task, "ESCALATION");
		keep("assignment", assignment);
		keep("overdue", overdue);
		keep("escalation", escalation);
		String link = "https://dondoc.thanhuy-haiphong.example/work/" + task.getId();

		assertThat(assignment.subject()).isEqualTo(
				"Thông báo giao nhiệm vụ: Báo cáo kết quả kiểm tra (hạn 03/12/2026) (Kiểm tra công tác cán bộ) – hạn 03/12/2026");
		assertThat(overdue.subject()).isEqualTo(
				"Quá hạn 9 ngày làm việc: Báo cáo kết quả kiểm tra (hạn 03/12/2026) (Kiểm tra công tác cán bộ) – hạn 03/12/2026");
		assertThat(escalation.subject()).startsWith("Cảnh báo leo thang: Ban Tổ chức Thành ủy chậm thực hiện 9 ngày làm việc – ");
		for (Received mail : List.of(assignment, overdue, escalation)) {
			for (String body : List.of(mail.text(), HtmlText.of(mail.html()))) {
				assertThat(body).contains("Kiểm tra công tác cán bộ", "Báo cáo kết quả kiểm tra (hạn 03/12/2026)",
						"Ban Tổ chức Thành ủy", "Thứ Năm, 03/12/2026", "Thời hạn theo yêu cầu", "trong 10 ngày")
					.doesNotContain("null", "()", "( )", "Văn bản", "Mục:", "Không có hạn cụ thể", "ICT", "GMT", "Thu Dec", "[(", "${")
					// the unit's code only in its mail address, never where its name belongs
					.doesNotContainPattern("ban-to-chuc(?!@)");
			}
			// no label left without its value
			assertThat(mail.text()).doesNotContainPattern(":[ \\t]*\\r?\\n[ \\t]*\\r?\\n");
			assertThat(mail.text()).contains(link);
			assertThat(mail.html()).contains("href=\"" + link + "\"");
		}
		assertThat(overdue.text()).contains("ĐÃ QUÁ HẠN", "Đã quá hạn 9 ngày làm việc");
		assertThat(assignment.attachmentNames()).containsExactly("Hạn Kiểm tra công tác cán bộ.ics");
		// the overdue reminder went out at the same moment, not before: nobody was reminded yet
		assertThat(escalation.text()).contains("Kính gửi: Văn phòng Thành ủy", "đã quá hạn 9 ngày làm việc")
			.doesNotContain("đã được nhắc");
		assertThat(HtmlText.of(escalation.html())).doesNotContain("đã được nhắc");

		// the next escalation, after the overdue reminders went out: now it says so
		moveTo(at(2026, 12, 17, 9, 0));
		fire(task, "leo-thang", 2);
		Received again = mail(task, "ESCALATION", 2);
		assertThat(again.text()).contains("dù đã được nhắc hạn", "đã quá hạn 10 ngày làm việc");
		assertThat(HtmlText.of(again.html())).contains("dù đã được nhắc hạn");
	}

	@Test
	void aSendNotificationStepHasItsOwnMailWithRecipientsAndNoDeadline() throws Exception {
		String key = "thongBao" + System.nanoTime();
		assertThat(deploy(key + ".bpmn", NOTICE_MODEL.replace("PROCESS_KEY", key)).getStatusCode().value()).isEqualTo(200);

		ResponseEntity<String> started = rest.withBasicAuth("admin", "admin").postForEntity(
				"/engine-rest/process-definition/key/" + key + "/start", jsonEntity("""
						{"variables": {
						  "quarter": {"value": "Quý IV/2026", "type": "String"},
						  "reportBy": {"value": "2027-01-05T17:00:00.000+0700", "type": "Date"}}}"""), String.class);
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
		String instance = json.readTree(started.getBody()).path("id").asText();

		notifications.dispatchPending();
		Received mail = await().until(() -> received(jdbc.sql("SELECT message_id FROM notification WHERE idempotency_key LIKE ?")
			.param(instance + ":%").query(String.class).single()), found -> found != null);

		keep("message", mail);
		assertThat(mail.subject()).isEqualTo("Thông báo: Đề nghị gửi báo cáo Quý IV/2026 (Thu thập báo cáo quý)");
		assertThat(mail.to()).contains("ban-to-chuc@thanhuy-haiphong.example", "ban-tuyen-giao@thanhuy-haiphong.example");
		for (String body : List.of(mail.text(), HtmlText.of(mail.html()))) {
			assertThat(body).contains("Kính gửi: Ban Tổ chức Thành ủy, Ban Tuyên giáo Thành ủy", "Thu thập báo cáo quý",
					"Đề nghị gửi báo cáo Quý IV/2026", "gửi báo cáo kết quả Quý IV/2026 trước ngày 05/01/2027")
				.doesNotContain("Đơn vị chủ trì", "Không có hạn cụ thể", "Hạn hoàn thành", "Thời hạn", "nhiệm vụ dưới đây",
						"null", "()", "ICT", "Jan", "[(", "${");
		}
		assertThat(mail.attachmentNames()).isEmpty();
	}

	/** The mail as a reader sees it, kept under target/work-mails/ to be looked at. */
	private static void keep(String name, Received mail) throws Exception {
		Path folder = Files.createDirectories(Path.of("target", "work-mails"));
		Files.writeString(folder.resolve(name + ".html"), mail.html());
		Files.writeString(folder.resolve(name + ".txt"), "Subject: " + mail.subject() + "\n\n" + mail.text());
	}

	/** Fires the task as the reminder pump fires it, and checks that the step went out. */
	private void fire(Task task, String step, int occurrence) {
		assertThat(engine.fireIfDue(task.getId())).as("the task is due").isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_log WHERE task_id = ? AND step = ? AND occurrence = ?")
			.params(task.getId(), step, occurrence).query(Long.class).single()).isOne();
	}

	private Received mail(Task task, String kind) throws Exception {
		return mail(task, kind, 1);
	}

	/** The {@code nth} mail of that kind about the task, once the outbox has sent it. */
	private Received mail(Task task, String kind, int nth) throws Exception {
		notifications.dispatchPending();
		List<String> ids = jdbc.sql("SELECT message_id FROM notification WHERE task_id = ? AND kind = ? ORDER BY id")
			.params(task.getId(), kind).query(String.class).list();
		assertThat(ids).as(kind + " mails of the task").hasSizeGreaterThanOrEqualTo(nth);
		return await().until(() -> received(ids.get(nth - 1)), found -> found != null);
	}

	private Received received(String messageId) throws Exception {
		for (MimeMessage message : smtp.receivedMessages()) {
			if (messageId.equals(message.getMessageID())) {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				return Received.of(raw.toString(StandardCharsets.US_ASCII), message);
			}
		}
		return null;
	}

	/** dondoc's clock and Camunda's (task creation times) move together. */
	private void moveTo(Instant moment) {
		clock.moveTo(moment);
		ClockUtil.setCurrentTime(Date.from(moment));
	}

	private ResponseEntity<String> deploy(String fileName, String model) {
		ResponseEntity<String> response = ModelerDeploy.deploy(rest, fileName, model);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return response;
	}

	private static HttpEntity<String> jsonEntity(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
	}

	/** A "Gửi thông báo" step as Modeler saves it with the element template, to two units, with a Date in its text. */
	static final String NOTICE_MODEL = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_2" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
			  <bpmn:process id="PROCESS_KEY" name="Thu thập báo cáo quý" isExecutable="true" camunda:historyTimeToLive="180">
			    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
			    <bpmn:serviceTask id="Activity_thongBao" name="Thông báo đơn vị gửi báo cáo quý" camunda:modelerTemplate="vn.dondoc.SendNotification" camunda:modelerTemplateVersion="1" camunda:delegateExpression="${dondocSendNotification}">
			      <bpmn:extensionElements>
			        <camunda:inputOutput>
			          <camunda:inputParameter name="recipients">ban-to-chuc, ban-tuyen-giao</camunda:inputParameter>
			          <camunda:inputParameter name="subject">Đề nghị gửi báo cáo ${quarter}</camunda:inputParameter>
			          <camunda:inputParameter name="message">Văn phòng Thành ủy đề nghị đơn vị gửi báo cáo kết quả ${quarter} trước ngày ${reportBy}.</camunda:inputParameter>
			        </camunda:inputOutput>
			      </bpmn:extensionElements>
			      <bpmn:incoming>Flow_1</bpmn:incoming>
			      <bpmn:outgoing>Flow_2</bpmn:outgoing>
			    </bpmn:serviceTask>
			    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_thongBao" />
			    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
			    <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_thongBao" targetRef="EndEvent_1" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

}
