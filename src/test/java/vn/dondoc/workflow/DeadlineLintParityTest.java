package vn.dondoc.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineParseException;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.calendar.VietnamCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bpmnlint rule dondoc/deadline-text reads deadline phrases with a JavaScript port of {@link DeadlineParser}
 * (bpmnlint-plugin-dondoc/lib/deadline.js): both must say the same of every phrase — reads (as which kind) or
 * not (with which message) — or a model would pass the lint and be refused on deployment, or the reverse.
 * The corpus: every phrase of DeadlineParserTest, the deadlines of the seed conclusion and of the test
 * conclusions, the models' and the element template's examples, and malformed or borderline phrases. One node
 * process reads them all; no Spring context. (The rule's report on a model: ModelerChecksTest.)
 */
class DeadlineLintParityTest {

	/** A fixed day to read on: the port decides nothing by the date except the calendar's end (2100). */
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	/** Near the end of the calendar, where phrases without a year or counted from today run past 2100. */
	private static final LocalDate LAST_DECEMBER = LocalDate.of(2100, 12, 15);

	private static final DeadlineParser parser = new DeadlineParser(
			new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml"))));

	/** Typos, missing years, impossible dates and numbers, English, near-empty, Unicode oddities, boundaries. */
	private static final List<String> OWN = List.of(
			// typos
			"trong quy II nam 2O23", "trog quý II", "trong qúy II năm 2027", "trước ngày 30/4/20277", "thang 5/2027",
			"trong tháng 5//2027", "trước ngày 15/13/2027", "quý II năm 202", "quý II năm 02027", "trươc ngay 30/6/2027",
			"hoàn thàn trong quý III", "trong quý 2 nam 2027", "quý I I", "trong thời hạn 10 ngày",
			// every introductory word
			"hoàn tất trước 30/6/2027", "xong trước 30/6/2027", "thực hiện trong quý II", "thời hạn: 30/6/2027",
			"hạn 30/6/2027", "tới hết tháng 6/2027", "vào ngày 30/6/2027", "cả năm 2027", "trong vòng 10 ngày",
			"đến hết quý IV", "chậm nhất là 15/1/2027", "hoàn thành xong trước ngày 20/1/2027", "là là quý II",
			// no year, or half of one
			"trước ngày 30/4", "quý III", "tháng 13", "cuối tháng", "trong tháng 2 năm", "tháng 5 năm nay",
			"cuối năm nay", "năm tới", "năm ngoái", "đầu tháng sau", "giữa tháng 8 năm sau", "9 tháng đầu năm",
			"13 tháng đầu năm", "0 tháng đầu năm 2027", "nửa cuối năm nay", "6 tháng cuối năm 2027",
			// quarters that do not exist
			"quý V", "quý 5/2027", "quý IIII năm 2027", "quý 0", "cuối quý VI", "quý XX", "quý IX/2027", "quý 004",
			"quý iv năm 2027", "cuối quý", "quý này",
			// English and other languages
			"by end of Q2 2027", "within 10 days", "ASAP", "Q3/2027", "31 December 2027", "end of year",
			// empty-ish
			"", "   ", ".", "…", "«»", "—", "-", "\u00A0", "ngày", "trước ngày", "hoàn thành", "trong vòng",
			// dates that do not exist
			"31/02/2027", "29/2/2027", "29/2/2028", "29/02", "31/4", "00/05/2027", "32/1/2027", "30-02-2027",
			"31.06.2027", "ngày 31 tháng 9 năm 2027", "ngày 30 tháng II", "15/0/2027", "1/1/2000", "30/2/2000",
			"29/2/2100", "29/2/1900", "31/12/2100", "1/1/2101", "31/12/1899", "năm 1899", "năm 2101", "năm 2100",
			"đầu năm 1900", "quý I/99", "20 tháng 4 năm 23",
			// counts
			"trong 0 ngày", "trong 3661 ngày", "trong 3660 ngày", "trong 00010 ngày", "trong 99999999999999 ngày",
			"trong 889 tháng", "trong 888 tháng", "trong 75 năm", "trong 74 năm", "trong 3660 tuần",
			"trong 3660 ngày làm việc", "trong 00000000000000000005 ngày", "trong -5 ngày", "trong mười ngày",
			// what a count runs from
			"10 ngày kể từ ngày nhận văn bản", "15 ngày làm việc kể từ ngày ban hành kết luận này",
			"30 ngày tính từ ký", "trong 2 tuần kể từ ngày ký văn bản", "trong 3 tháng từ ngày họp",
			// "trước" a period: start or end?
			"trước tháng 6/2027", "trước năm 2028", "trước quý IV năm 2027", "trước 6 tháng đầu năm",
			"trước cuối tháng 6", "trước trong tháng", "trước đầu tháng", "trước cuối năm", "trước quý",
			// events, and what only looks like one
			"sau khi Trung ương ban hành hướng dẫn", "khi có ý kiến", "trước hội nghị Thành ủy",
			"tại phiên họp thường kỳ tháng 6", "xin ý kiến trước khi trình", "trước khi", "ngay sau khi xong",
			"hoàn thành trước đại hội", "tại kỳ họp", "chậm nhất là khi có kết quả",
			// ongoing
			"định kỳ báo cáo", "hằng tháng", "hằng tuần báo cáo", "thường xuyên theo dõi", "liên tục và báo cáo",
			// Roman numerals and words
			"tháng XII năm 2027", "tháng xiii", "ngày 20 tháng IV năm 2027", "tháng VV", "quý ii/2027",
			// several limits, or more than a limit
			"trong quý II năm 2027 và quý III", "hoàn thành trước 30/6/2027, báo cáo kết quả", "Trong Quý II / 2027.",
			"TRƯỚC NGÀY 20-4-2027", "trước 30/6/2027 hoặc 31/7/2027", "quý II năm 2027 (báo cáo trước)",
			// Unicode: look-alikes, no-break spaces, NFD input, dashes, NEL
			"quý Ⅱ", "quý ＩＩ", "trong\u00A0quý II năm 2027", "trong quy\u0301 II năm 2027", "Đến hết năm 2027",
			"tháng 5\u20132027", "20 \u2014 4 \u2014 2027", "trước khi trình HĐND\u0085", "quý II năm 2027\u0085",
			"trong 10 ngày kể từ ngày ký\u0085x", "quý II\tnăm 2027", "trong quý II năm 2027...");

	/** Phrases whose reading depends on the day they are read on, read on 15/12/2100. */
	private static final List<String> AT_THE_END = List.of("quý II", "tháng 12", "trước 1/12", "trước 20/12", "năm sau",
			"năm nay", "trong tháng", "đầu tháng", "giữa tháng", "cuối tháng", "trong 1 tháng", "trong 20 ngày",
			"trong 16 ngày", "trong 5 ngày làm việc", "trong 15 ngày làm việc", "cuối năm", "trước 29/2", "quý IV",
			"quý", "6 tháng đầu năm", "cuối tháng 12", "31/12/2100", "trong 1 năm");

	@Test
	void theLintReadsEveryPhraseAsDondocDoes(@TempDir Path folder) throws Exception {
		Set<String> corpus = new LinkedHashSet<>();
		corpus.addAll(phrasesOfDeadlineParserTest());
		corpus.addAll(quoted(Path.of("config/directives"), Pattern.compile("deadline:\\s*\"([^\"]*)\"")));
		corpus.addAll(quoted(Path.of("src/test/resources/conclusions"), Pattern.compile("deadline:\\s*\"([^\"]*)\"")));
		Pattern property = Pattern.compile("name=\"dondoc\\.deadline\\.text\" value=\"([^\"]*)\"");
		corpus.addAll(quoted(Path.of("bpmn"), property));
		corpus.addAll(quoted(Path.of("src/test/resources/models"), property));
		corpus.addAll(quoted(Path.of("bpmn/.camunda/element-templates"), Pattern.compile("ví dụ \\\\\"([^\\\\]*)\\\\\"")));
		// as the seed conclusion words them, also where dondoc's import splits or rewords them
		corpus.addAll(List.of("trong quý II và cả năm 2023", "trong năm 2023", "trước ngày 20/4/2023 để tổng hợp",
				"hoàn thành trong quý II năm 2023", "trước khi trình Hội đồng nhân dân thành phố xem xét, quyết định"));
		// README, "Deadline phrases"
		corpus.addAll(List.of("quý II", "9 tháng đầu năm", "nửa cuối năm 2023", "tháng V năm 2023", "giữa tháng 7",
				"cuối tháng 7", "năm nay", "đầu năm", "20-4-2023", "trong 15 ngày làm việc (kể từ ngày ký)", "2 tuần",
				"3 tháng kể từ ngày ký", "liên tục", "sau khi có kết luận", "tại kỳ họp HĐND thành phố"));
		assertThat(corpus).as("phrases of DeadlineParserTest, the seed and the examples").hasSizeGreaterThan(80)
			.contains("trong quý II năm 2023", "tiếp tục", "trước ngày 20/4/2023", "trong 10 ngày", "quý V", "trong 0 ngày",
					"hoàn thành trong quý II năm 2023", "trong 30 ngày kể từ ngày ký", "trước ngày 30/4/2026");
		corpus.addAll(OWN);

		List<Case> cases = new ArrayList<>();
		corpus.forEach(phrase -> cases.add(new Case(TODAY, phrase)));
		AT_THE_END.forEach(phrase -> cases.add(new Case(LAST_DECEMBER, phrase)));
		List<String> lint = lintVerdicts(cases, folder);

		List<String> disagreements = new ArrayList<>();
		int refused = 0;
		for (int i = 0; i < cases.size(); i++) {
			String dondoc = dondocVerdict(cases.get(i));
			refused += dondoc.startsWith("không") ? 1 : 0;
			if (!dondoc.equals(lint.get(i))) {
				disagreements.add("«" + cases.get(i).phrase() + "» on " + cases.get(i).today() + "\n    dondoc: " + dondoc
						+ "\n    lint:   " + lint.get(i));
			}
		}
		assertThat(disagreements).as(disagreements.size() + " of " + cases.size() + " phrases read differently:\n"
				+ String.join("\n", disagreements)).isEmpty();
		// the corpus tries both sides of the rule
		assertThat(refused).isGreaterThan(60).isLessThan(cases.size() - 60);
	}

	/** "reads as KIND" or "không đọc được: message", as dondoc's deployment check sees the phrase. */
	private static String dondocVerdict(Case c) {
		try {
			Deadline deadline = parser.parse(c.phrase(), c.today());
			return "reads as " + deadline.kind();
		}
		catch (DeadlineParseException e) {
			return "không đọc được: «" + e.unreadable() + "» " + e.getMessage();
		}
	}

	/** The same verdicts from lib/deadline.js, all phrases in one node process. */
	private static List<String> lintVerdicts(List<Case> cases, Path folder) throws Exception {
		ObjectMapper json = new ObjectMapper();
		Path input = folder.resolve("phrases.json");
		json.writeValue(input.toFile(), cases.stream()
			.map(c -> Map.of("today", c.today().toString(), "phrase", c.phrase()))
			.toList());
		ModelerChecksTest.Result run = ModelerChecksTest.node(List.of("src/test/resources/lint/deadline-verdicts.js",
				input.toString()));
		assertThat(run.exitCode()).as(run.output()).isZero();
		List<Map<String, Object>> verdicts = json.readValue(run.output(), new TypeReference<>() {
		});
		assertThat(verdicts).hasSameSizeAs(cases);
		return verdicts.stream()
			.map(v -> Boolean.TRUE.equals(v.get("readable")) ? "reads as " + v.get("kind")
					: "không đọc được: «" + v.get("unreadable") + "» " + v.get("message"))
			.toList();
	}

	/** Every phrase DeadlineParserTest gives the parser: first column of its tables, its lists, its parse("…"). */
	private static List<String> phrasesOfDeadlineParserTest() throws IOException {
		String source = Files.readString(Path.of("src/test/java/vn/dondoc/calendar/DeadlineParserTest.java"));
		List<String> phrases = new ArrayList<>();
		Matcher table = Pattern.compile("textBlock = \"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
		while (table.find()) {
			table.group(1).lines().map(line -> line.split("\\|")[0].strip()).filter(line -> !line.isEmpty())
				.map(cell -> cell.length() > 1 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell)
				.forEach(phrases::add);
		}
		Matcher list = Pattern.compile("(?:strings = |String\\[\\] phrases = )\\{([^}]*)}").matcher(source);
		while (list.find()) {
			Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(list.group(1));
			while (literal.find()) {
				phrases.add(literal.group(1));
			}
		}
		Matcher call = Pattern.compile("parse\\(\"([^\"]*)\"").matcher(source);
		while (call.find()) {
			phrases.add(call.group(1));
		}
		return phrases;
	}

	private static List<String> quoted(Path folder, Pattern pattern) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					found.add(m.group(1));
				}
			}
		}
		return found;
	}

	private record Case(LocalDate today, String phrase) {
	}

}
