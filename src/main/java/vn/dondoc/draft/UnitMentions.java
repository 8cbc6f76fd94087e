package vn.dondoc.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dondoc.unit.UnitDirectory;

/**
 * Finds the units and groups of the directory in a sentence, by their names, their {@code aliases} and the
 * groups' phrases, longest first, ignoring case and diacritics; and names that look like a unit but are not
 * in the directory, so that a draft can warn about them instead of guessing.
 */
final class UnitMentions {

	/** A unit or group found at [start, end) of the sentence. */
	record Mention(String reference, int start, int end) {
	}

	private record Form(String reference, String folded) {
	}

	/** What an organisation's name starts with; what follows is its own name. */
	private static final Pattern ORGANISATION = Pattern.compile(
			"(?<![\\p{L}])(?:Ban cán sự đảng|Ban Thường vụ|Đảng đoàn|Đảng ủy|Đảng uỷ|Quận ủy|Quận uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|"
					+ "Ban|Sở|Ủy ban|Uỷ ban|UBND|Văn phòng|Hội|Công an|Bộ Chỉ huy)"
					// its own name: a capitalised word, the second syllable of it, and any capitalised words after
					+ " [\\p{Lu}Đ][\\p{L}]*(?: [\\p{L}]+)?(?: [\\p{Lu}Đ][\\p{L}]*)*");

	private final List<Form> forms = new ArrayList<>();

	UnitMentions(UnitDirectory units) {
		for (Map.Entry<String, List<String>> entry : units.names().entrySet()) {
			for (String name : entry.getValue()) {
				forms.add(new Form(entry.getKey(), TextNormalizer.fold(name)));
			}
		}
		forms.sort(Comparator.comparingInt((Form form) -> form.folded().length()).reversed());
	}

	/** The directory's units and groups named in {@code text}, in order, none overlapping. */
	List<Mention> find(String text) {
		String folded = TextNormalizer.fold(text);
		boolean[] taken = new boolean[folded.length()];
		List<Mention> found = new ArrayList<>();
		for (Form form : forms) {
			int from = 0;
			while (true) {
				int at = folded.indexOf(form.folded(), from);
				if (at < 0) {
					break;
				}
				int end = at + form.folded().length();
				from = at + 1;
				if (!boundary(folded, at - 1) || !boundary(folded, end) || anyTaken(taken, at, end)) {
					continue;
				}
				for (int i = at; i < end; i++) {
					taken[i] = true;
				}
				found.add(new Mention(form.reference(), at, end));
			}
		}
		found.sort(Comparator.comparingInt(Mention::start));
		return found;
	}

	/** Names in {@code text} between {@code from} and {@code to} that look like a unit and are none of the directory's. */
	List<String> unknown(String text, int from, int to, List<Mention> known) {
		List<String> names = new ArrayList<>();
		Matcher m = ORGANISATION.matcher(text);
		m.region(Math.max(0, from), Math.min(text.length(), to));
		while (m.find()) {
			int start = m.start();
			int end = m.end();
			boolean covered = known.stream().anyMatch(mention -> mention.start() < end && start < mention.end());
			if (!covered) {
				names.add(m.group());
			}
		}
		return names;
	}

	private static boolean boundary(String folded, int index) {
		return index < 0 || index >= folded.length() || !Character.isLetterOrDigit(folded.charAt(index));
	}

	private static boolean anyTaken(boolean[] taken, int from, int to) {
		for (int i = from; i < to; i++) {
			if (taken[i]) {
				return true;
			}
		}
		return false;
	}

}
