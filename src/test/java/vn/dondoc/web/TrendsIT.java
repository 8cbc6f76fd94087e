package vn.dondoc.web;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trends on the overview and on /xu-huong: parts due last quarter and this one, some done today (late or on
 * time), some left open; the figures the database counts are those of the parts, the SVG carries them, a unit sees
 * its own row only, and the page reads in Vietnamese.
 */
@DashboardIT
class TrendsIT {

	static final String DOCUMENT = "WEB-TRENDS";

	@Autowired
	MockMvc mvc;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	TaskService tasks;

	/** The lead parts of the document, as the catalog has them after the test's completions. */
	List<UnitPart> parts;

	@BeforeEach
	void importAndCompleteSomeParts() {
		LocalDate today = Documents.today();
		LocalDate lastQuarterEnds = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).minusDays(1);
		LocalDate lastQuarterMiddle = lastQuarterEnds.minusDays(45);
		importer.importDocument("""
				code: %s
				title: "Thông báo kết luận kiểm thử xu hướng"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - { section: "1", text: "Ban Tổ chức báo cáo luân chuyển cán bộ.", lead: [ban-to-chuc], dueDate: %s }
				  - { section: "2", text: "Ban Tổ chức rà soát quy hoạch.", lead: [ban-to-chuc], dueDate: %s }
				  - { section: "3", text: "Ban Tổ chức tổng hợp đề án.", lead: [ban-to-chuc], dueDate: %s }
				  - { section: "4", text: "Ban Tổ chức hướng dẫn đại hội chi bộ.", lead: [ban-to-chuc], dueDate: %s }
				  - { section: "5", text: "Ban Tuyên giáo góp ý bản thảo.", lead: [ban-tuyen-giao], dueDate: %s }
				  - { section: "6", text: "Ban Tuyên giáo báo cáo dư luận xã hội.", lead: [ban-tuyen-giao], dueDate: %s }
				""".formatted(DOCUMENT, lastQuarterMiddle.minusDays(30), lastQuarterEnds, lastQuarterMiddle, today, today,
				lastQuarterMiddle, today), "yaml", "test", false);
		// done today: 1 (late), 3 (on time), 5 (late), 6 (on time); 2 and 4 stay open (2 late, 4 due today)
		for (String section : List.of("1", "3", "5", "6")) {
			DirectiveView directive = section(section);
			if (directive.units().get(0).completedAt() == null) {
				String unit = directive.units().get(0).code();
				lifecycle.submitReport(task(directive, DirectiveProcess.TASK_CARRY_OUT), new ResultReport(ReportStatus.COMPLETED,
						"Đã hoàn thành", null), unit);
				lifecycle.review(task(directive, DirectiveProcess.TASK_REVIEW_REPORT), ReportReview.accept(null), "vanphong");
			}
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> List.of("1", "3", "5", "6").stream().allMatch(s -> section(s).units().get(0).completedAt() != null));
		parts = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 20).items().stream()
			.flatMap(d -> d.units().stream())
			.toList();
	}

	@Test
	void theOfficeSeesEachUnitsOnTimeShareByQuarterAndTheOverdueWeekByWeek() throws Exception {
		String page = page("/xu-huong?document=" + DOCUMENT, AccessByRoleIT.office());
		assertThat(page).contains("Tỷ lệ hoàn thành đúng hạn theo quý", "Số phần việc quá hạn theo thời gian");

		Element onTime = svg(page, "on-time-chart");
		assertThat(onTime.getAttribute("role")).isEqualTo("img");
		assertThat(onTime.getAttribute("aria-label")).startsWith("Tỷ lệ hoàn thành đúng hạn theo quý của 2 đơn vị");
		Map<String, Map<String, long[]>> drawn = cells(onTime);
		assertThat(drawn).containsOnlyKeys("ban-to-chuc", "ban-tuyen-giao");
		for (String unit : drawn.keySet()) {
			Map<String, long[]> expected = expectedShares(unit);
			assertThat(drawn.get(unit)).as(unit).hasSize(Trends.QUARTERS + 1);
			drawn.get(unit).forEach((quarter, figures) -> assertThat(figures).as(unit + " " + quarter)
				.containsExactly(expected.getOrDefault(quarter, new long[2])));
		}
		// Ban Tổ chức: 1 late and 2 open last quarter, 3 on time and 4 undecided this quarter: 1 of 3 over both
		assertThat(drawn.get("ban-to-chuc").get("all")).containsExactly(1, 3);
		assertThat(onTime.getTextContent()).contains("33% (1/3)", "50% (1/2)", "Ban Tổ chức Thành ủy", "Ban Tuyên giáo Thành ủy")
			.containsPattern("Quý (I|II|III|IV)/\\d{4}");
		// the worst first
		assertThat(units(onTime)).containsExactly("ban-to-chuc", "ban-tuyen-giao");

		Element backlog = svg(page, "backlog-chart");
		assertThat(backlog.getAttribute("role")).isEqualTo("img");
		List<Element> drawnPoints = points(backlog);
		assertThat(drawnPoints).hasSize(Trends.WEEKS);
		for (Element point : drawnPoints) {
			LocalDate day = LocalDate.parse(point.getAttribute("data-day"));
			assertThat(Long.parseLong(point.getAttribute("data-overdue"))).as("overdue at the end of %s", day).isEqualTo(overdueAt(day, null));
			assertThat(point.getElementsByTagName("title").item(0).getTextContent()).contains(WebDates.DAY.format(day));
		}
		LocalDate today = Documents.today();
		assertThat(drawnPoints.get(drawnPoints.size() - 1).getAttribute("data-day")).isEqualTo(today.toString());
		// section 2 is late today; half a year ago nothing was due yet; in between sections 2 and 5 were late together
		assertThat(overdueAt(today, null)).isEqualTo(1);
		assertThat(drawnPoints).extracting(p -> Long.parseLong(p.getAttribute("data-overdue"))).contains(0L, 1L)
			.anySatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
		assertThat(backlog.getTextContent()).contains(WebDates.DAY.format(today));

		assertReadsInVietnamese(page);
	}

	@Test
	void aUnitSeesItsOwnRowAndItsOwnOverdueParts() throws Exception {
		String page = page("/xu-huong?document=" + DOCUMENT, AccessByRoleIT.unit("ban-tuyen-giao"));
		Element onTime = svg(page, "on-time-chart");
		assertThat(cells(onTime)).containsOnlyKeys("ban-tuyen-giao");
		assertThat(onTime.getTextContent()).doesNotContain("Ban Tổ chức");
		for (Element point : points(svg(page, "backlog-chart"))) {
			LocalDate day = LocalDate.parse(point.getAttribute("data-day"));
			assertThat(Long.parseLong(point.getAttribute("data-overdue"))).isEqualTo(overdueAt(day, "ban-tuyen-giao"));
		}
		mvc.perform(get("/xu-huong").param("unit", "ban-to-chuc").with(AccessByRoleIT.unit("ban-tuyen-giao"))).andExpect(status().isForbidden());

		String nothing = page("/xu-huong?document=" + DOCUMENT, AccessByRoleIT.unit("ban-noi-chinh"));
		assertThat(nothing).contains("Chưa có phần việc nào đến hạn trong sáu quý gần đây.",
				"Không có phần việc nào quá hạn trong sáu tháng qua.").doesNotContain("<svg");
		assertReadsInVietnamese(nothing);
	}

	@Test
	void theOverviewShowsBothChartsAndLinksToTheTrendsPage() throws Exception {
		String overview = page("/?document=" + DOCUMENT, AccessByRoleIT.office());
		assertThat(cells(svg(overview, "on-time-chart"))).containsOnlyKeys("ban-to-chuc", "ban-tuyen-giao");
		assertThat(points(svg(overview, "backlog-chart"))).hasSize(Trends.WEEKS);
		assertThat(overview).contains("href=\"/xu-huong\" id=\"trends-link\"");
		assertReadsInVietnamese(overview);
		// counted once per scope for a few minutes (the overview is opened often; the trends page counts afresh)
		java.util.regex.Pattern label = java.util.regex.Pattern.compile("Biểu đồ xu hướng tính lúc\\s*<span>(\\d{2}:\\d{2})</span>");
		java.util.regex.Matcher counted = label.matcher(overview);
		assertThat(counted.find()).as("the overview says when its trends were counted").isTrue();
		java.util.regex.Matcher again = label.matcher(page("/?document=" + DOCUMENT, AccessByRoleIT.office()));
		assertThat(again.find() && again.group(1).equals(counted.group(1))).as("the same count, not a new one").isTrue();
		assertThat(page("/xu-huong?document=" + DOCUMENT, AccessByRoleIT.office())).doesNotContain("trends-counted");
	}

	// ---- what the figures should be, from the parts themselves ----------------------------------------

	/** Per quarter key ({@code 2026-Q4}, and {@code all}): {on time, counted}, for the quarters the chart shows. */
	Map<String, long[]> expectedShares(String unit) {
		LocalDate today = Documents.today();
		Trends.Quarter current = Trends.Quarter.of(today);
		Trends.Quarter first = current;
		for (int i = 1; i < Trends.QUARTERS; i++) {
			first = first.previous();
		}
		Map<String, long[]> shares = new HashMap<>();
		for (UnitPart part : parts) {
			LocalDate done = completedOn(part);
			boolean shown = part.code().equals(unit) && part.dueDate() != null && !part.dueDate().isBefore(first.first())
					&& !part.dueDate().isAfter(current.last());
			if (shown && (done != null || part.dueDate().isBefore(today))) {
				Trends.Quarter quarter = Trends.Quarter.of(part.dueDate());
				for (String key : List.of(quarter.year() + "-Q" + quarter.number(), "all")) {
					long[] share = shares.computeIfAbsent(key, k -> new long[2]);
					share[0] += done != null && !done.isAfter(part.dueDate()) ? 1 : 0;
					share[1]++;
				}
			}
		}
		return shares;
	}

	/** Parts due before {@code day} and not done by its end. */
	long overdueAt(LocalDate day, String unit) {
		return parts.stream()
			.filter(part -> unit == null || part.code().equals(unit))
			.filter(part -> part.dueDate() != null && part.dueDate().isBefore(day))
			.filter(part -> completedOn(part) == null || completedOn(part).isAfter(day))
			.count();
	}

	static LocalDate completedOn(UnitPart part) {
		return part.completedAt() == null ? null : part.completedAt().atZone(Documents.VIETNAM).toLocalDate();
	}

	// ---- reading the pages --------------------------------------------------------------------------------

	DirectiveView section(String section) {
		return catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 20).items().stream()
			.filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

	String task(DirectiveView directive, String key) {
		return tasks.createTaskQuery().processInstanceId(directive.processInstanceId()).taskDefinitionKey(key).singleResult().getId();
	}

	String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The chart with this id, parsed as XML (which it must be). */
	static Element svg(String page, String id) throws Exception {
		Matcher svg = Pattern.compile("<svg [^>]*id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(page);
		assertThat(svg.find()).as("chart %s on the page", id).isTrue();
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg.group()))).getDocumentElement();
	}

	/** Unit code → quarter key → {on time, counted}, as drawn. */
	static Map<String, Map<String, long[]>> cells(Element chart) {
		Map<String, Map<String, long[]>> cells = new HashMap<>();
		NodeList groups = chart.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			if ("cell".equals(g.getAttribute("class"))) {
				String unit = ((Element) g.getParentNode()).getAttribute("data-unit");
				cells.computeIfAbsent(unit, u -> new HashMap<>()).put(g.getAttribute("data-quarter"),
						new long[] { Long.parseLong(g.getAttribute("data-on-time")), Long.parseLong(g.getAttribute("data-counted")) });
			}
		}
		return cells;
	}

	static List<String> units(Element chart) {
		List<String> units = new ArrayList<>();
		NodeList groups = chart.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			if ("unit".equals(g.getAttribute("class"))) {
				units.add(g.getAttribute("data-unit"));
			}
		}
		return units;
	}

	static List<Element> points(Element chart) {
		List<Element> points = new ArrayList<>();
		NodeList groups = chart.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			if ("point".equals(g.getAttribute("class"))) {
				points.add(g);
			}
		}
		return points;
	}

	/** What a reader sees (text between tags) has no unit codes and none of the English a chart library would bring. */
	static void assertReadsInVietnamese(String page) {
		String text = page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ");
		assertThat(text).doesNotContain("ban-to-chuc", "ban-tuyen-giao", "ban-noi-chinh", "NaN", "null", "Infinity")
			.doesNotContainPattern("(?i)\\b(quarter|overdue|on time|unit|week|total|chart|share|no data)\\b")
			.doesNotContainPattern("\\bQ[1-4]\\b");
	}

}
