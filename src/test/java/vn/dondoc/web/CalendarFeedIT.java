package vn.dondoc.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.PartFilter;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.notification.EmbeddedSmtpServer;
import vn.dondoc.notification.Notifications;
import vn.dondoc.work.WorkCatalog;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;
import vn.dondoc.workflow.ReviewDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The private calendar feed: its address through the API for the unit and the office, the calendar read without a
 * login and parsed with ical4j (the unit's open parts with a date, nothing of other units, the mails' UIDs, an approved
 * extension moving the event), re-issue and revocation, who may do what, and the dashboard's page.
 */
@DashboardIT
class CalendarFeedIT {

	static final String UNIT = "ban-tuyen-giao";

	static final String OTHER = "ban-to-chuc";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	WorkCatalog work;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	TaskService tasks;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	/** One document for the class (an import costs seconds); each test leaves the parts the others look at open. */
	static String code;

	static LocalDate today;

	@BeforeEach
	void importADocumentOnce() {
		if (code == null) {
			today = Documents.today();
			code = "LICH-" + System.nanoTime() % 1_000_000 + "/TU";
			importer.importDocument(document(), "yaml", "test", false);
		}
	}

	/**
	 * 1: the unit, due in 10 days (extended in a test). 2: the unit, 5 days late. 3: the unit, waiting on an event. 4:
	 * another unit, in 20 days. 5: the unit, in 15 days (done in a test).
	 */
	String document() {
		return """
				code: %s
				title: "Thông báo kết luận kiểm thử lịch theo dõi"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Giao Ban Tuyên giáo tổng hợp ý kiến góp ý <bản thảo> & lịch sử Đảng bộ."
				    lead: [%s]
				    dueDate: %s
				  - section: "2"
				    text: "Giao Ban Tuyên giáo báo cáo kết quả tuyên truyền quý."
				    lead: [%s]
				    dueDate: %s
				  - section: "3"
				    text: "Ban Tuyên giáo chuẩn bị tài liệu trước khi trình HĐND thành phố."
				    lead: [%s]
				    deadline: "Hoàn thành trước khi trình HĐND thành phố"
				  - section: "4"
				    text: "Giao Ban Tổ chức Thành ủy báo cáo Kế hoạch luân chuyển cán bộ."
				    lead: [%s]
				    dueDate: %s
				  - section: "5"
				    text: "Giao Ban Tuyên giáo hướng dẫn học tập nghị quyết."
				    lead: [%s]
				    dueDate: %s
				""".formatted(code, today.minusDays(30), UNIT, today.plusDays(10), UNIT, today.minusDays(5), UNIT, OTHER,
				today.plusDays(20), UNIT, today.plusDays(15));
	}

	@Test
	void theUnitsFeedHoldsItsOpenPartsWithTheMailsUidsAndFollowsAnExtension() throws Exception {
		String url = url(UNIT, UNIT);
		assertThat(url).matches("http://localhost:" + port + "/lich/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(url(UNIT, UNIT)).isEqualTo(url);

		// section 5 is done: reported and accepted
		DirectiveView done = section("5");
		lifecycle.submitReport(lifecycle.part(done.processInstanceId(), UNIT).orElseThrow().carryOutTaskId(),
				new ResultReport(ReportStatus.COMPLETED, "Đã hướng dẫn.", null), UNIT);
		lifecycle.review(office(done, DirectiveProcess.TASK_REVIEW_REPORT).getId(), new ReportReview(ReviewDecision.ACCEPT, null, false),
				"vanphong");

		ResponseEntity<byte[]> feed = anonymous(url);
		assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(feed.getHeaders().getContentType()).isNotNull()
			.satisfies(type -> assertThat(type.toString()).isEqualToIgnoringCase("text/calendar;charset=UTF-8"));
		Calendar calendar = parse(feed.getBody());
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("dondoc – Ban Tuyên giáo Thành ủy");
		assertThat(calendar.getProperty("REFRESH-INTERVAL").orElseThrow().getValue()).isEqualTo("PT1H");
		List<VEvent> events = calendar.getComponents("VEVENT");

		// this document's events are exactly the unit's open parts with a date: 1 and 2 (not 3: no date, 4: other unit, 5: done)
		Map<String, VEvent> mine = mine(events);
		assertThat(mine.keySet()).containsExactlyInAnyOrder("1", "2");
		for (String section : List.of("1", "2")) {
			DirectiveView directive = section(section);
			VEvent event = mine.get(section);
			assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(part(directive).dueDate());
			assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(part(directive).dueDate().plusDays(1));
			assertThat(event.getSummary().getValue()).isEqualTo(code + " mục " + section + " · " + directive.text());
			assertThat(event.getDescription().getValue()).contains(directive.text(), "Tình trạng: " + part(directive).statusLabel(),
					"Đơn vị chủ trì: Ban Tuyên giáo Thành ủy", page(directive));
			assertThat(event.getSequence().getSequenceNo()).isZero();
		}
		assertThat(mine.get("2").getDescription().getValue()).contains("Tình trạng: quá hạn");
		// every event of the feed is one of the unit's open parts with a date (of any document) or its modelled work
		long open = catalog.parts(new PartFilter(null, UNIT, null, null, null), null).stream()
			.filter(p -> p.part().completedAt() == null && p.part().dueDate() != null).count();
		long openWork = work.all(new WorkCatalog.Filter(null, UNIT, null, null, null, null)).stream()
			.filter(w -> w.completedAt() == null && w.dueDate() != null).count();
		assertThat(events).hasSize((int) (open + openWork));
		assertThat(events).noneMatch(e -> e.getDescription().getValue().contains("Đơn vị chủ trì: Ban Tổ chức Thành ủy"));

		// the UID is the one of the assignment mail's calendar file: one event in a calendar that has both
		VEvent invited = invitation(section("1"));
		assertThat(mine.get("1").getUid()).isEqualTo(invited.getUid());
		assertThat(mine.get("1").getSequence().getSequenceNo()).isEqualTo(invited.getSequence().getSequenceNo());

		// an approved extension moves the event and raises its SEQUENCE, the UID stays
		DirectiveView extended = section("1");
		LocalDate later = today.plusDays(40);
		lifecycle.requestExtension(extended.processInstanceId(), UNIT, later, "Chờ ý kiến Thường trực", UNIT);
		lifecycle.approveExtension(office(extended, DirectiveProcess.TASK_REVIEW_EXTENSION).getId(), null, "vanphong");
		VEvent moved = mine(parse(anonymous(url).getBody()).getComponents("VEVENT")).get("1");
		assertThat(moved.getUid()).isEqualTo(invited.getUid());
		assertThat(moved.getStartDate().orElseThrow().getDate()).isEqualTo(later);
		assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
		assertThat(moved.getDescription().getValue()).contains("đã gia hạn 1 lần");
	}

	@Test
	void reissueKillsTheOldAddressRevokingAnswers404AndOnlyTheUnitAndTheOfficeMayTouchIt() throws Exception {
		String first = url(UNIT, UNIT);
		String path = "/api/units/" + UNIT + "/calendar-feed";

		// another unit may not read, re-issue or revoke it; the office's own feed is the office's
		assertProblem(call(HttpMethod.GET, OTHER, path), HttpStatus.FORBIDDEN, "Ban Tuyên giáo Thành ủy");
		assertProblem(call(HttpMethod.POST, OTHER, path), HttpStatus.FORBIDDEN, "đơn vị mình");
		assertProblem(call(HttpMethod.DELETE, OTHER, path), HttpStatus.FORBIDDEN, "đơn vị mình");
		assertProblem(call(HttpMethod.GET, UNIT, "/api/units/tracking-office/calendar-feed"), HttpStatus.FORBIDDEN, "Văn phòng");
		assertProblem(call(HttpMethod.GET, "vanphong", "/api/units/ban-khong-co/calendar-feed"), HttpStatus.NOT_FOUND,
				"Không có đơn vị «ban-khong-co»");
		assertThat(rest.getForEntity(URI.create("http://localhost:" + port + path), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous(first).getStatusCode()).isEqualTo(HttpStatus.OK);
		// the office sees the same address
		assertThat(url("vanphong", UNIT)).isEqualTo(first);

		// re-issued by the unit: the old address is dead, the new one works
		ResponseEntity<String> reissued = call(HttpMethod.POST, UNIT, path);
		assertThat(reissued.getStatusCode()).isEqualTo(HttpStatus.OK);
		String second = json.readTree(reissued.getBody()).path("url").asText();
		assertThat(second).isNotEqualTo(first);
		ResponseEntity<byte[]> dead = anonymous(first);
		assertThat(dead.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(anonymous(second).getStatusCode()).isEqualTo(HttpStatus.OK);
		// a dead address says no more than one that never existed
		ResponseEntity<byte[]> never = anonymous("http://localhost:" + port + "/lich/" + "A".repeat(43) + ".ics");
		assertThat(never.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(dead.getBody()).isEqualTo(never.getBody());
		assertThat(dead.getHeaders().getContentType()).isEqualTo(never.getHeaders().getContentType());
		assertThat(anonymous("http://localhost:" + port + "/lich/khong-phai-ma.ics").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// revoked by the office: 404
		assertThat(call(HttpMethod.DELETE, "vanphong", path).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<byte[]> revoked = anonymous(second);
		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(revoked.getBody()).isEqualTo(never.getBody());

		// the office's own feed: every unit's open parts, each naming its unit
		Map<String, VEvent> office = mine(parse(anonymous(url("vanphong", "tracking-office")).getBody()).getComponents("VEVENT"));
		assertThat(office.keySet()).contains("1", "2", "4").doesNotContain("3");
		assertThat(office.get("4").getSummary().getValue()).isEqualTo(code + " mục 4 · Ban Tổ chức Thành ủy: " + section("4").text());
	}

	@Test
	void theDashboardPageShowsTheUnitsAddressAndItsButtons() throws Exception {
		String url = url(UNIT, UNIT);
		String html = mvc.perform(get("/lich").with(AccessByRoleIT.unit(UNIT))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Lịch theo dõi trên điện thoại / Outlook", "Lịch của Ban Tuyên giáo Thành ủy", "value=\"" + url + "\"",
				"Sao chép", "Cấp lại địa chỉ", "Thu hồi", "Outlook", "Thunderbird", "Google Calendar", "iPhone", "name=\"_csrf\"",
				"href=\"/lich\"");
		assertThat(mvc.perform(get("/huong-dan").with(AccessByRoleIT.unit(UNIT))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Lịch theo dõi trên điện thoại / Outlook", "href=\"/lich\"");
		// another unit's page is refused; the office chooses any unit
		mvc.perform(get("/lich").param("unit", UNIT).with(AccessByRoleIT.unit(OTHER))).andExpect(status().isForbidden());
		assertThat(mvc.perform(get("/lich").param("unit", UNIT).with(AccessByRoleIT.office())).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("value=\"" + url + "\"", "Văn phòng theo dõi (mọi đơn vị)");

		// the buttons need the form's CSRF token; re-issued, the page shows a new address
		mvc.perform(post("/lich/cap-lai").param("unit", UNIT).with(AccessByRoleIT.unit(UNIT))).andExpect(status().isForbidden());
		mvc.perform(post("/lich/cap-lai").param("unit", UNIT).with(AccessByRoleIT.unit(UNIT)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(url(UNIT, UNIT)).isNotEqualTo(url);
		mvc.perform(post("/lich/thu-hoi").param("unit", UNIT).with(AccessByRoleIT.unit(OTHER)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/lich/thu-hoi").param("unit", UNIT).with(AccessByRoleIT.unit(UNIT)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/lich").with(AccessByRoleIT.unit(UNIT))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"feed-revoked\"").doesNotContain("id=\"feed-url\"");
	}

	// ---- helpers ---------------------------------------------------------------------------------------

	String url(String user, String unit) throws Exception {
		ResponseEntity<String> answer = call(HttpMethod.GET, user, "/api/units/" + unit + "/calendar-feed");
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(answer.getBody()).path("url").asText();
	}

	ResponseEntity<String> call(HttpMethod method, String user, String path) {
		return rest.withBasicAuth(user, "demo")
			.exchange(URI.create("http://localhost:" + port + path), method, HttpEntity.EMPTY, String.class);
	}

	ResponseEntity<byte[]> anonymous(String url) {
		return rest.getForEntity(URI.create(url), byte[].class);
	}

	void assertProblem(ResponseEntity<String> response, HttpStatus status, String message) throws Exception {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(type.toString()).isTrue());
		JsonNode problem = json.readTree(response.getBody());
		assertThat(problem.path("detail").asText()).contains(message);
	}

	static Calendar parse(byte[] ics) throws Exception {
		return new CalendarBuilder().build(new ByteArrayInputStream(ics));
	}

	DirectiveView section(String section) {
		return catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).items().stream()
			.filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

	static DirectiveCatalog.UnitPart part(DirectiveView directive) {
		return directive.units().stream().filter(u -> u.role().equals("LEAD")).findFirst().orElseThrow();
	}

	String page(DirectiveView directive) {
		return "http://localhost:" + port + "/directives/" + directive.id();
	}

	/** This document's events, by section (told by the directive page each links to). */
	Map<String, VEvent> mine(List<VEvent> events) {
		Map<String, String> sections = new HashMap<>();
		for (DirectiveView directive : catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).items()) {
			sections.put(page(directive), directive.section());
		}
		Map<String, VEvent> mine = new HashMap<>();
		for (VEvent event : events) {
			String section = event.getUrl() == null ? null : sections.get(event.getUrl().getValue());
			if (section != null) {
				assertThat(mine.put(section, event)).as("one event per part").isNull();
			}
		}
		return mine;
	}

	Task office(DirectiveView directive, String taskKey) {
		return tasks.createTaskQuery().processInstanceId(directive.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
	}

	/** The event of the calendar file sent with the directive's assignment notice. */
	VEvent invitation(DirectiveView directive) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			notifications.dispatchPending();
			for (MimeMessage message : new ArrayList<>(smtp.receivedMessages())) {
				if (!message.getSubject().startsWith("Thông báo giao nhiệm vụ")) {
					continue;
				}
				for (byte[] ics : calendars(message)) {
					Optional<VEvent> found = parse(ics).<VEvent>getComponents("VEVENT").stream()
						.filter(e -> e.getUrl() != null && e.getUrl().getValue().equals(page(directive)))
						.findFirst();
					if (found.isPresent()) {
						return found;
					}
				}
			}
			return Optional.<VEvent>empty();
		}, Optional::isPresent).orElseThrow();
	}

	static List<byte[]> calendars(Part part) throws Exception {
		List<byte[]> found = new ArrayList<>();
		if (part.isMimeType("text/calendar")) {
			found.add(part.getInputStream().readAllBytes());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				found.addAll(calendars(multipart.getBodyPart(i)));
			}
		}
		return found;
	}

}
