package vn.dondoc.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.support.DirectiveStart;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;
import vn.dondoc.workflow.lifecycle.Dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * The office's decisions reach the unit by e-mail, with the real engine, the real outbox and GreenMail: a
 * returned report with the office's note, an approved extension with the calendar entry moved, a refused one
 * with its reason, an accepted report. Every mail names the unit and opens the directive's page in dondoc.
 */
@NotificationIT
class DecisionMailsIT {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String UNIT = "ban-to-chuc";

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	MessageComposer composer;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	UnitDirectory units;

	@Autowired
	VietnamCalendar calendar;

	@Test
	void theUnitIsToldOfEachDecisionOnItsReportAndItsExtensionRequests() throws Exception {
		String id = "QD-" + System.nanoTime() + "/II.1";
		LocalDate due = LocalDate.now(Dates.ZONE).plusDays(30);
		ProcessInstance directive = start(id, due);
		String link = "https://dondoc.thanhuy-haiphong.example/directives/" + id.replace("/", "%2F");
		// the assignment notice, which the reminder pump sends in the background: the calendar entry as it started
		VEvent first = event(assignmentOf(directive));

		// a report, returned with the office's note
		lifecycle.submitReport(carryOut(directive).getId(), new ResultReport(ReportStatus.PARTLY_COMPLETED, "Đã xây dựng dự thảo", null), UNIT);
		Task review = office(directive, TASK_REVIEW_REPORT);
		lifecycle.review(review.getId(), ReportReview.returnToUnit("Cần bổ sung số liệu cán bộ luân chuyển năm 2025 & <đánh giá>"), "admin");
		Received returned = mailOf(review);
		assertThat(returned.subject()).startsWith("Báo cáo bị trả lại: Rà soát, bổ sung quy hoạch cán bộ").contains("hạn " + due.format(DAY));
		assertThat(returned.to()).isEqualTo(Requests.BAN_TO_CHUC);
		assertThat(returned.text()).contains("Kính gửi: Ban Tổ chức Thành ủy", "Lý do trả lại:",
				"Cần bổ sung số liệu cán bộ luân chuyển năm 2025 & <đánh giá>", "Việc cần làm:", "nộp lại báo cáo kết quả trên dondoc",
				due.format(DAY), "Mục:                II.1", link);
		assertThat(returned.html()).contains("Cần bổ sung số liệu cán bộ luân chuyển năm 2025 &amp; &lt;đánh giá&gt;", "href=\"" + link + "\"");
		assertThat(returned.attachmentNames()).isEmpty();

		// an extension, approved: the new date, and the calendar entry of the same UID with a higher SEQUENCE
		LocalDate later = due.plusDays(20);
		lifecycle.requestExtension(carryOut(directive).getId(), later, "Chờ ý kiến của Ban Thường vụ", UNIT);
		Task approval = office(directive, TASK_REVIEW_EXTENSION);
		lifecycle.approveExtension(approval.getId(), null, "admin");
		Received approved = mailOf(approval);
		assertThat(approved.subject()).startsWith("Đồng ý gia hạn đến " + later.format(DAY) + ": ");
		assertThat(approved.text()).contains("Kính gửi: Ban Tổ chức Thành ủy", "thời hạn mới là", later.format(DAY),
				"hạn ban đầu", due.format(DAY), "đã gia hạn 1 lần", link);
		VEvent moved = event(approved);
		assertThat(moved.getStartDate().orElseThrow().getDate()).isEqualTo(later);
		assertThat(moved.getUid().orElseThrow().getValue()).isEqualTo(CalendarFile.uid(id, UNIT, "thanhuy-haiphong.example"));
		assertThat(first.getUid()).isEqualTo(moved.getUid());
		assertThat(moved.getSequence().getSequenceNo()).isGreaterThan(first.getSequence().getSequenceNo());

		// another request, refused: the reason, and the date that stands
		lifecycle.requestExtension(carryOut(directive).getId(), later.plusDays(30), "Thêm thời gian lấy ý kiến", UNIT);
		Task refusal = office(directive, TASK_REVIEW_EXTENSION);
		lifecycle.rejectExtension(refusal.getId(), "Nhiệm vụ phải xong trước Hội nghị Thành ủy", "admin");
		Received refused = mailOf(refusal);
		assertThat(refused.subject()).startsWith("Không đồng ý gia hạn: ").endsWith("giữ hạn " + later.format(DAY));
		assertThat(refused.text()).contains("Lý do không đồng ý:", "Nhiệm vụ phải xong trước Hội nghị Thành ủy",
				"đến " , later.plusDays(30).format(DAY), "thời hạn", later.format(DAY) + " giữ nguyên", link);
		assertThat(refused.attachmentNames()).isEmpty();

		// the report again, accepted
		lifecycle.submitReport(carryOut(directive).getId(), new ResultReport(ReportStatus.COMPLETED, "Đã hoàn thành, kèm số liệu", null), UNIT);
		Task acceptance = office(directive, TASK_REVIEW_REPORT);
		lifecycle.review(acceptance.getId(), ReportReview.accept(null), "admin");
		Received accepted = mailOf(acceptance);
		assertThat(accepted.subject()).startsWith("Báo cáo được chấp nhận: Rà soát, bổ sung quy hoạch cán bộ");
		assertThat(accepted.text()).contains("Văn phòng đã CHẤP NHẬN báo cáo kết quả của Ban Tổ chức Thành ủy", link);

		for (Received mail : List.of(returned, approved, refused, accepted)) {
			for (String body : List.of(mail.text(), HtmlText.of(mail.html()))) {
				assertThat(body).contains("Ban Tổ chức Thành ủy", "Quy định 123-QĐ/TU", "Rà soát, bổ sung quy hoạch cán bộ",
						"https://dondoc.thanhuy-haiphong.example/huong-dan")
					.doesNotContain("null", "/camunda", "Tasklist", "[(", "${")
					// the unit's code only in its mail address, never where its name belongs
					.doesNotContainPattern(UNIT + "(?!@)");
			}
			// no label left without its value
			assertThat(mail.text()).doesNotContainPattern(":[ \\t]*\\r?\\n[ \\t]*\\r?\\n");
			assertThat(mail.html()).doesNotContain("/camunda").contains("href=\"" + link + "\"");
		}
		// one mail per decision, whatever is dispatched again
		notifications.dispatchPending();
		assertThat(outbox.find("decision:" + review.getId()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
		assertThat(smtp.receivedMessages().stream().filter(m -> messageId(m).equals(outbox.find("decision:" + review.getId()).orElseThrow().messageId())))
			.hasSize(1);
	}

	/**
	 * Issue 18: an imported directive's process holds no copy of the document's title, the directive's text or
	 * its deadline in words; the assignment notice and the office's decisions read them from dondoc's rows.
	 */
	@Test
	void theMailsOfAnImportedDirectiveReadTheDirectiveFromDondocsRows() throws Exception {
		String code = "KL-" + System.nanoTime();
		importer.importDocument("""
				code: %s
				title: "Kết luận của Ban Thường vụ về công tác cán bộ"
				issuedOn: %s
				directives:
				  - section: "3"
				    text: "Ban Tổ chức Thành ủy hoàn thiện quy chế luân chuyển cán bộ."
				    lead: [ban-to-chuc]
				    deadline: "trong 60 ngày"
				    dueDate: %s
				""".formatted(code, LocalDate.now(Dates.ZONE).minusDays(5), LocalDate.now(Dates.ZONE).plusDays(55)), "yaml", "test", false);
		ProcessInstance directive = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code + "/3").singleResult();
		assertThat(runtimeService.getVariables(directive.getId())).doesNotContainKeys(VAR_DOCUMENT_TITLE, VAR_TEXT, VAR_DEADLINE_TEXT);

		// the reminder pump queues the notice in the background; the outbox is dispatched by hand here
		Received assigned = await().until(() -> {
			notifications.dispatchPending();
			for (MimeMessage message : smtp.receivedMessages()) {
				if (message.getSubject().startsWith("Thông báo giao nhiệm vụ") && message.getSubject().contains(code)) {
					return received(message.getMessageID());
				}
			}
			return null;
		}, mail -> mail != null);
		lifecycle.submitReport(carryOut(directive).getId(), new ResultReport(ReportStatus.COMPLETED, "Đã trình quy chế", null), UNIT);
		Task review = office(directive, TASK_REVIEW_REPORT);
		lifecycle.review(review.getId(), ReportReview.returnToUnit("Cần lấy ý kiến các quận ủy"), "admin");
		Received returned = mailOf(review);
		assertThat(returned.subject()).startsWith("Báo cáo bị trả lại: Ban Tổ chức Thành ủy hoàn thiện quy chế luân chuyển cán bộ");
		for (Received mail : List.of(assigned, returned)) {
			assertThat(mail.text()).contains("Kết luận của Ban Thường vụ về công tác cán bộ", code,
					"Ban Tổ chức Thành ủy hoàn thiện quy chế luân chuyển cán bộ.").doesNotContain("null");
		}
	}

	@Test
	void theOfficeGetsADailyDigestOfWhatAwaitsItsReviewAndWhatBecameOverdue() throws Exception {
		// on a day off (CI runs on weekends and holidays too) the digest of the last working day is tested
		officeDigestOf(digestDay(LocalDate.now(Dates.ZONE)));
	}

	@Test
	void onADayOffTheOfficeDigestOfTheLastWorkingDayIsTested() throws Exception {
		assertThat(digestDay(LocalDate.of(2026, 12, 6))).as("Sunday").isEqualTo(LocalDate.of(2026, 12, 4));
		assertThat(digestDay(LocalDate.of(2026, 12, 4))).as("a working day is itself").isEqualTo(LocalDate.of(2026, 12, 4));
		// Quốc khánh, Wednesday 02/09/2026: the digest after days off on both sides of it
		LocalDate holiday = LocalDate.of(2026, 9, 2);
		assertThat(calendar.isWorkingDay(holiday)).isFalse();
		LocalDate day = digestDay(holiday);
		assertThat(day).isBefore(holiday);
		assertThat(calendar.isWorkingDay(day)).isTrue();
		officeDigestOf(day);
	}

	/**
	 * The day whose office digest the test compiles when it runs on {@code today}: today on a working day, else
	 * the last working day before it. Not the next one: the digest's outbox row is due at the digest's own
	 * instant, and the dispatcher sends by the real clock, so a digest of a day to come would not go out yet.
	 */
	private LocalDate digestDay(LocalDate today) {
		LocalDate day = today;
		while (!calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}

	/**
	 * Compiles and sends the office digest of the working day {@code day} (today or before), with a clock fixed at
	 * its 09:00 (or now, if sooner): a report awaiting review, and a lead part due on the working day before, overdue
	 * by the catalog's clock since that day is past whatever today is.
	 */
	private void officeDigestOf(LocalDate day) throws Exception {
		Instant nine = day.atTime(9, 0).atZone(Dates.ZONE).toInstant();
		Clock clock = Clock.fixed(nine.isBefore(Instant.now()) ? nine : Instant.now(), Dates.ZONE);
		LocalDate today = LocalDate.now(clock);
		assertThat(today).isEqualTo(day);
		LocalDate previous = today.minusDays(1);
		while (!calendar.isWorkingDay(previous)) {
			previous = previous.minusDays(1);
		}
		String code = "TB-" + System.nanoTime();
		importer.importDocument("""
				code: %s
				title: "Thông báo kết luận của Ban Thường vụ"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Ban Tổ chức Thành ủy trình Đề án sắp xếp bộ máy."
				    lead: [ban-to-chuc]
				    dueDate: %s
				  - section: "2"
				    text: "Ban Tuyên giáo Thành ủy tổng kết công tác tuyên truyền năm."
				    lead: [ban-tuyen-giao]
				    dueDate: %s
				""".formatted(code, today.minusDays(40), LocalDate.now(Dates.ZONE).plusDays(20), previous), "yaml", "test", false);
		DirectiveView reported = catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 10).items().stream()
			.filter(d -> d.section().equals("1")).findFirst().orElseThrow();
		Task carryOut = taskService.createTaskQuery().processInstanceId(reported.processInstanceId()).taskDefinitionKey(TASK_CARRY_OUT)
			.singleResult();
		lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã trình Đề án", null), UNIT);

		OfficeDigest digest = new OfficeDigest(new OfficeDigestSettings(true, LocalTime.MIDNIGHT, null), catalog, units, calendar,
				outbox, composer, notifications, clock);
		assertThat(digest.compileIfDue(clock.instant())).isOne();
		assertThat(digest.compileIfDue(clock.instant())).as("once a day").isZero();
		notifications.dispatchPending();
		String messageId = composer.messageId("office-digest/" + today);
		Received mail = await().until(() -> received(messageId), found -> found != null);

		assertThat(mail.to()).isEqualTo("van-phong-thanh-uy@thanhuy-haiphong.example");
		assertThat(mail.subject()).startsWith("Tổng hợp ngày " + today.format(DAY) + ": ");
		String text = mail.text();
		assertThat(text).contains("Kính gửi: Văn phòng Thành ủy", "CHỜ VĂN PHÒNG XEM XÉT:", "MỚI QUÁ HẠN:",
				"Ban Tổ chức Thành ủy trình Đề án sắp xếp bộ máy.", "chủ trì: Ban Tổ chức Thành ủy",
				"Ban Tuyên giáo Thành ủy tổng kết công tác tuyên truyền năm.", "chủ trì: Ban Tuyên giáo Thành ủy",
				"https://dondoc.thanhuy-haiphong.example/directives/" + reported.id(),
				"https://dondoc.thanhuy-haiphong.example/directives?status=AWAITING_REVIEW", previous.format(DAY))
			.doesNotContain("null", "/camunda");
		// each in its list: the report under the review heading, the late part under the overdue one
		assertThat(text.indexOf("Đề án sắp xếp bộ máy")).isLessThan(text.indexOf("MỚI QUÁ HẠN:"));
		assertThat(text.indexOf("tổng kết công tác tuyên truyền")).isGreaterThan(text.indexOf("MỚI QUÁ HẠN:"));
		assertThat(HtmlText.of(mail.html())).contains("Chờ Văn phòng xem xét", "Mới quá hạn");
	}

	private ProcessInstance start(String id, LocalDate due) {
		Map<String, Object> variables = DirectiveStart.variables(id, List.of(UNIT), Dates.endOfDay(due));
		variables.putAll(Map.of(VAR_DOCUMENT_CODE, "Quy định 123-QĐ/TU", VAR_DOCUMENT_TITLE, "Quy định về công tác cán bộ",
				VAR_SECTION, "II.1", VAR_TEXT, "Rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ Thành ủy quản lý",
				VAR_DEADLINE_TEXT, "trong 30 ngày"));
		return runtimeService.startProcessInstanceByKey(KEY, id, variables);
	}

	private Task carryOut(ProcessInstance directive) {
		return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_CARRY_OUT).singleResult();
	}

	private Task office(ProcessInstance directive, String key) {
		return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key).singleResult();
	}

	/** The mail of the decision taken on the office's task, once the outbox has sent it. */
	private Received mailOf(Task decided) throws Exception {
		notifications.dispatchPending();
		String messageId = outbox.find("decision:" + decided.getId()).orElseThrow().messageId();
		return await().until(() -> received(messageId), mail -> mail != null);
	}

	/** The assignment notice of the unit's first task: the calendar entry as it started. */
	private Received assignmentOf(ProcessInstance directive) throws Exception {
		return await().until(() -> {
			for (MimeMessage message : smtp.receivedMessages()) {
				if (message.getSubject().startsWith("Thông báo giao nhiệm vụ") && message.getSubject().contains("Quy định 123-QĐ/TU")
						) {
					Received mail = received(message.getMessageID());
					if (mail.text().contains(directive.getBusinessKey().replace("/", "%2F"))) {
						return mail;
					}
				}
			}
			notifications.dispatchPending();
			return null;
		}, mail -> mail != null);
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

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static VEvent event(Received mail) throws Exception {
		assertThat(mail.attachmentNames()).hasSize(1);
		return new CalendarBuilder().build(new ByteArrayInputStream(mail.attachments().get(0))).<VEvent>getComponents("VEVENT").get(0);
	}

}
