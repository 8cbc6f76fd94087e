package vn.dondoc.draft;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.unit.UnitDirectory;

/**
 * Reads a conclusion as a clerk does (DOMAIN.md, "Reading a conclusion"), by rules that can be explained:
 * the header (number and symbol, place and date, issuing body, title), the signer block, the document's own
 * numbering (I., 1., 1.1., (1), a), -, +) as sections, a heading's addressees and period inherited by its
 * items, the units by name, short form or group phrase, the role words that make a unit lead or coordinate,
 * and the deadline each item states. Anything unsure becomes a warning with its place; nothing is guessed.
 */
@Component
public class ConclusionReader {

	static final Pattern ROMAN = Pattern.compile("^([IVX]{1,5})\\.\\s*(.*)$");

	static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?\\s+(.*)$");

	private static final Pattern PARENTHESISED = Pattern.compile("^\\((\\d{1,2})\\)\\s*(.*)$");

	private static final Pattern LETTERED = Pattern.compile("^([a-zđ])\\)\\s*(.*)$");

	private static final Pattern BULLET = Pattern.compile("^([-+•*])\\s*(.*)$");

	/** The role words: the units right after one of them lead the item. */
	private static final Pattern ROLE = Pattern.compile("(?<![a-z])(giao|de nghi|yeu cau|chi dao)(?![a-z])");

	/** Units right after these coordinate: "phối hợp với X", "gửi về X", "báo cáo … qua X". */
	private static final Pattern COORDINATE = Pattern.compile("(?<![a-z])(phoi hop(?: chat che)?(?: voi)?|gui ve|gui den|qua)(?![a-z])");

	/** Headings of assessment rather than tasks: their items are not directives unless they assign explicitly. */
	private static final Pattern ASSESSMENT = Pattern.compile("(?<![a-z])(ket qua|danh gia|tinh hinh|uu diem|han che|nguyen nhan)(?![a-z])");

	/** Items that agree or note rather than assign. */
	private static final Pattern NOT_AN_ASSIGNMENT = Pattern.compile("^(?:[^.;:]{0,80} )?(co ban nhat tri|nhat tri|thong nhat voi|danh gia cao|ghi nhan|bieu duong|uy quyen)(?![a-z])");

	private final UnitDirectory units;

	private final DeadlineParser parser;

	private final VietnamCalendar calendar;

	private final Clock clock;

	ConclusionReader(UnitDirectory units, DeadlineParser parser, VietnamCalendar calendar, Clock clock) {
		this.units = units;
		this.parser = parser;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Drafts the directives of a conclusion given as a file (Word, PDF with text, UTF-8 text).
	 *
	 * @throws UnreadableConclusion when the file cannot be read; nothing is stored either way
	 */
	public Draft draft(byte[] file, long maxBytes) {
		return read(ConclusionFile.lines(file, maxBytes));
	}

	Draft read(List<String> lines) {
		List<String> warnings = new ArrayList<>();
		UnitMentions mentions = new UnitMentions(units);
		DeadlineFinder deadlines = new DeadlineFinder(parser);

		ConclusionHeader header = ConclusionHeader.read(lines, units, LocalDate.now(clock.withZone(calendar.zone())), warnings);
		int bodyStart = header.bodyStart();
		int bodyEnd = header.bodyEnd();
		LocalDate issuedOn = header.issuedOn();

		// ---- body: headings, items, their sections, units and deadlines
		List<Draft.Directive> directives = new ArrayList<>();
		List<Heading> headings = new ArrayList<>();
		Map<String, Integer> bulletsUnder = new HashMap<>();
		Item last = null;
		List<Item> items = new ArrayList<>();
		for (int i = bodyStart; i < bodyEnd; i++) {
			String line = lines.get(i);
			Line parsed = classify(line);
			if (parsed.level() == Line.PLAIN && last != null && startsLowerCase(line)) {
				last.text.append(' ').append(line);
				continue;
			}
			if (parsed.heading()) {
				while (!headings.isEmpty() && headings.get(headings.size() - 1).level >= parsed.level()) {
					headings.remove(headings.size() - 1);
				}
				String section = section(parsed, headings);
				Heading heading = new Heading(parsed.level(), section, parsed.text());
				heading.addressees.addAll(roleUnits(parsed.text(), mentions));
				headings.add(heading);
				// "2. Đề nghị Ban Thường vụ Huyện ủy …:" addresses each of its items; "1.1. Giao X …" is itself one
				if (!parsed.text().endsWith(":") && assigns(parsed.text(), mentions)) {
					last = new Item(section, new StringBuilder(parsed.text()), List.copyOf(headings.subList(0, headings.size() - 1)));
					items.add(last);
				}
				else {
					last = null;
				}
				continue;
			}
			Heading parent = headings.isEmpty() ? null : headings.get(headings.size() - 1);
			if (parsed.level() == Line.PLAIN) {
				// an opening or an intro paragraph: it may name who the items below are for
				if (parent != null && parent.addressees.isEmpty()) {
					parent.addressees.addAll(roleUnits(parsed.text(), mentions));
				}
				if (startsWithRole(parsed.text()) && assigns(parsed.text(), mentions) && !parsed.text().endsWith(":")) {
					String key = parent == null ? "" : parent.section;
					int n = bulletsUnder.merge(key, 1, Integer::sum);
					last = new Item((key.isEmpty() ? "" : key + ".") + n, new StringBuilder(parsed.text()), List.copyOf(headings));
					items.add(last);
				}
				else {
					last = null;
				}
				continue;
			}
			String key = parent == null ? "" : parent.section;
			String label = parsed.level() == Line.LETTER ? parsed.label() : String.valueOf(bulletsUnder.merge(key, 1, Integer::sum));
			last = new Item((key.isEmpty() ? "" : key + ".") + label, new StringBuilder(parsed.text()), List.copyOf(headings));
			items.add(last);
		}
		Set<String> sections = new LinkedHashSet<>();
		for (Item item : items) {
			Draft.Directive directive = directive(item, issuedOn, mentions, deadlines, warnings);
			if (directive != null) {
				String section = directive.section();
				for (int n = 2; !sections.add(section); n++) {
					section = directive.section() + "-" + n;
				}
				directives.add(section.equals(directive.section()) ? directive
						: new Draft.Directive(section, directive.text(), directive.lead(), directive.coordinating(), directive.deadline(),
								directive.due(), directive.evidence(), directive.confidence()));
			}
		}
		if (directives.isEmpty()) {
			warnings.add("Không tìm thấy nhiệm vụ nào giao cho đơn vị trong văn bản: hãy thêm dòng");
		}
		return new Draft(new Draft.Document(header.code(), header.title(), header.issuedBy(), issuedOn, header.signer(), directives), warnings);
	}

	/** One item of the body: its section, its words, the headings above it. */
	private static final class Item {

		final String section;

		final StringBuilder text;

		final List<Heading> headings;

		Item(String section, StringBuilder text, List<Heading> headings) {
			this.section = section;
			this.text = text;
			this.headings = headings;
		}

	}

	private static final class Heading {

		final int level;

		final String section;

		final String text;

		final List<String> addressees = new ArrayList<>();

		Heading(int level, String section, String text) {
			this.level = level;
			this.section = section;
			this.text = text;
		}

	}

	private record Line(int level, String label, String text) {

		static final int ROMAN = 1;

		static final int PARENTHESISED = 10;

		static final int LETTER = 11;

		static final int BULLET = 12;

		static final int PLAIN = 20;

		boolean heading() {
			return level < LETTER;
		}

	}

	private static Line classify(String line) {
		Matcher m = ROMAN.matcher(line);
		if (m.matches() && !m.group(2).isEmpty()) {
			return new Line(Line.ROMAN, m.group(1), m.group(2).strip());
		}
		m = NUMBERED.matcher(line);
		if (m.matches() && (line.matches("^\\d{1,2}\\..*") || m.group(1).contains("."))) {
			return new Line(1 + m.group(1).split("\\.").length, m.group(1), m.group(2).strip());
		}
		m = PARENTHESISED.matcher(line);
		if (m.matches()) {
			return new Line(Line.PARENTHESISED, m.group(1), m.group(2).strip());
		}
		m = LETTERED.matcher(line);
		if (m.matches()) {
			return new Line(Line.LETTER, m.group(1), m.group(2).strip());
		}
		m = BULLET.matcher(line);
		if (m.matches() && !m.group(2).isEmpty()) {
			return new Line(m.group(1).equals("+") ? Line.BULLET + 1 : Line.BULLET, m.group(1), m.group(2).strip());
		}
		return new Line(Line.PLAIN, "", line.strip());
	}

	/** I; I.2 for "2." under I; I.2.1 for "2.1."; (1) and the rest under their parent. */
	private static String section(Line line, List<Heading> headings) {
		String parent = "";
		for (int i = headings.size() - 1; i >= 0; i--) {
			if (headings.get(i).level < line.level()) {
				parent = headings.get(i).section;
				break;
			}
		}
		if (line.level() == Line.ROMAN) {
			return line.label();
		}
		String roman = headings.isEmpty() || headings.get(0).level != Line.ROMAN ? "" : headings.get(0).section;
		if (line.level() < Line.PARENTHESISED) {
			return roman.isEmpty() ? line.label() : roman + "." + line.label();
		}
		return parent.isEmpty() ? line.label() : parent + "." + line.label();
	}

	private Draft.Directive directive(Item item, LocalDate issuedOn, UnitMentions mentions, DeadlineFinder deadlines, List<String> warnings) {
		String text = item.text.toString().strip();
		String folded = TextNormalizer.fold(text);
		boolean assessment = item.headings.stream().anyMatch(h -> ASSESSMENT.matcher(TextNormalizer.fold(h.text)).find()
				&& !TextNormalizer.fold(h.text).contains("nhiem vu"));
		if (NOT_AN_ASSIGNMENT.matcher(folded).find() && !startsWithRole(text)) {
			return null;
		}
		List<UnitMentions.Mention> found = mentions.find(text);
		double confidence = 0.4;

		// who: the units after a role word, else the units the sentence starts with, else the heading's addressees
		List<String> lead = new ArrayList<>();
		int roleEnd = -1;
		Matcher role = ROLE.matcher(folded);
		while (role.find()) {
			List<String> after = consecutive(found, role.end(), folded);
			if (!after.isEmpty()) {
				lead.addAll(after);
				roleEnd = role.end();
				break;
			}
			if (role.start() < 3 || folded.charAt(role.start() - 2) == '.') {
				// "Giao Sở Xây dựng …": a unit the directory does not have
				List<String> unknown = mentions.unknown(text, role.end(), Math.min(text.length(), role.end() + 80), found);
				if (!unknown.isEmpty() && unknown.get(0).length() > 3 && text.indexOf(unknown.get(0), role.end()) <= role.end() + 2) {
					warnings.add("Mục " + item.section + ": «" + unknown.get(0) + "» không có trong danh mục đơn vị (config/units.yml);"
							+ " hãy chọn đơn vị hoặc thêm vào danh mục");
					roleEnd = role.end();
					break;
				}
			}
		}
		if (lead.isEmpty() && roleEnd < 0) {
			List<String> subject = consecutive(found, 0, folded);
			int subjectStart = skipArticles(folded);
			if (!subject.isEmpty() && found.get(0).start() <= subjectStart) {
				lead.addAll(subject);
			}
		}
		Matcher chair = Pattern.compile("(?<![a-z])chu tri(?![a-z])").matcher(folded);
		if (lead.isEmpty() && chair.find()) {
			for (UnitMentions.Mention mention : found) {
				if (mention.end() <= chair.start() && chair.start() - mention.end() < 4) {
					lead.add(mention.reference());
				}
			}
		}
		boolean ownLead = !lead.isEmpty();
		if (ownLead) {
			confidence += 0.3;
		}
		else {
			if (assessment) {
				return null;
			}
			for (int i = item.headings.size() - 1; i >= 0 && lead.isEmpty(); i--) {
				lead.addAll(item.headings.get(i).addressees);
			}
			if (lead.isEmpty()) {
				if (startsWithRole(text)) {
					warnings.add("Mục " + item.section + ": chưa rõ đơn vị chủ trì; hãy chọn đơn vị");
				}
				else {
					return null;
				}
			}
		}
		if (assessment && roleEnd < 0) {
			// under "Kết quả", "Đánh giá": a unit as the subject is being assessed, not assigned
			return null;
		}

		// with whom: after "phối hợp với", "gửi về", "báo cáo … qua"
		List<String> coordinating = new ArrayList<>();
		Matcher coordinate = COORDINATE.matcher(folded);
		while (coordinate.find()) {
			for (String reference : consecutive(found, coordinate.end(), folded)) {
				if (!lead.contains(reference) && !coordinating.contains(reference)) {
					coordinating.add(reference);
				}
			}
		}

		// when: what the item says, else the period of its heading
		DeadlineFinder.Found deadline = deadlines.find(text, issuedOn);
		if (deadline != null) {
			confidence += 0.3;
		}
		else {
			String period = DeadlineFinder.headingsPeriod(item.headings.stream().map(h -> h.text).toList(), issuedOn);
			if (period != null) {
				deadline = deadlines.resolve(period, issuedOn);
				confidence += 0.15;
			}
		}
		if (deadline != null && deadline.deadline().dueDate() != null && deadline.deadline().dueDate().isBefore(issuedOn)) {
			warnings.add("Mục " + item.section + ": thời hạn «" + deadline.phrase() + "» sớm hơn ngày ban hành; hãy kiểm tra");
		}
		String evidence = sentenceAround(text, deadline != null && deadline.end() > 0 ? deadline.start() : Math.max(0, roleEnd));
		LocalDate due = deadline == null || deadline.deadline().kind() == DeadlineKind.ONGOING
				|| deadline.deadline().kind() == DeadlineKind.EVENT ? null : deadline.deadline().dueDate();
		return new Draft.Directive(item.section, text, dedupe(lead), coordinating, deadline == null ? null : deadline.phrase(), due,
				evidence, Math.min(1.0, Math.round(confidence * 100) / 100.0));
	}

	/** The units named one after another from {@code from}: "Ban Tổ chức, Ban Tuyên giáo và Ủy ban Kiểm tra …". */
	private static List<String> consecutive(List<UnitMentions.Mention> found, int from, String folded) {
		List<String> references = new ArrayList<>();
		int at = from;
		for (UnitMentions.Mention mention : found) {
			if (mention.start() < at) {
				continue;
			}
			String gap = folded.substring(at, mention.start()).strip();
			if (!gap.isEmpty() && !gap.matches("(?:[,;]|va|cac|cung|voi|dong chi|cac dong chi|,? ?va)(?: (?:cac|dong chi))?")) {
				break;
			}
			references.add(mention.reference());
			at = mention.end();
		}
		return references;
	}

	/** Units named after a role word in an intro: "Thành ủy yêu cầu Đảng đoàn HĐND, … tập trung thực hiện …:". */
	private static List<String> roleUnits(String text, UnitMentions mentions) {
		String folded = TextNormalizer.fold(text);
		List<UnitMentions.Mention> found = mentions.find(text);
		Matcher role = ROLE.matcher(folded);
		while (role.find()) {
			List<String> after = consecutive(found, role.end(), folded);
			if (!after.isEmpty()) {
				return after;
			}
		}
		return List.of();
	}

	/** A line that hands work to a unit: after a role word, or with the unit as its subject ("Ủy ban Kiểm tra chủ trì …"). */
	private static boolean assigns(String text, UnitMentions mentions) {
		if (!roleUnits(text, mentions).isEmpty()) {
			return true;
		}
		String folded = TextNormalizer.fold(text);
		List<UnitMentions.Mention> found = mentions.find(text);
		return !found.isEmpty() && found.get(0).start() <= skipArticles(folded) && !folded.strip().endsWith(":");
	}

	private static boolean startsWithRole(String text) {
		Matcher role = ROLE.matcher(TextNormalizer.fold(text));
		return role.find() && role.start() == 0;
	}

	private static int skipArticles(String folded) {
		Matcher m = Pattern.compile("^(?:cac dong chi |dong chi |cac )").matcher(folded);
		return m.find() ? m.end() : 0;
	}

	private static String sentenceAround(String text, int at) {
		int start = 0;
		for (int i = Math.min(at, text.length()) - 1; i > 0; i--) {
			if ((text.charAt(i) == '.' || text.charAt(i) == ';') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
				start = i + 2;
				break;
			}
		}
		int end = text.length();
		for (int i = Math.max(at, start); i < text.length(); i++) {
			if ((text.charAt(i) == '.' || text.charAt(i) == ';') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
				end = i + 1;
				break;
			}
		}
		return text.substring(start, end).strip();
	}

	static boolean isRoman(String line) {
		return ROMAN.matcher(line).matches();
	}

	private static boolean startsLowerCase(String line) {
		return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
	}

	private static List<String> dedupe(List<String> references) {
		return List.copyOf(new LinkedHashSet<>(references));
	}

}
