package vn.dondoc.reminder;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a step fires, as an administrator writes it in the policy file or in Camunda Modeler, in
 * Vietnamese or English: "10 ngày làm việc trước hạn", "3 working days before", "đúng hạn", "on the
 * day", "1 ngày sau hạn", and repeats: "mỗi 2 ngày làm việc", "every 2 working days".
 */
final class StepSyntax {

	private static final Pattern ON_THE_DAY = Pattern.compile("(on the day|dung han|vao ngay (den )?han|ngay (den )?han|0)");

	private static final Pattern OFFSET = Pattern.compile(
			"(\\d{1,3}) (working days?|days?|ngay lam viec|ngay) (before|truoc|after|sau)( han)?");

	private static final Pattern EVERY = Pattern.compile("(?:every|moi) (\\d{1,3}) (working days?|days?|ngay lam viec|ngay)");

	private StepSyntax() {
	}

	record Offset(int days, boolean workingDays) {
	}

	static Offset when(String text) {
		String folded = fold(text);
		if (ON_THE_DAY.matcher(folded).matches()) {
			return new Offset(0, true);
		}
		Matcher m = OFFSET.matcher(folded);
		if (!m.matches()) {
			throw new IllegalArgumentException("cannot read '" + text + "': write e.g. \"3 ngày làm việc trước hạn\", "
					+ "\"đúng hạn\", \"1 ngày làm việc sau hạn\" (or \"3 working days before\", \"on the day\")");
		}
		int days = Integer.parseInt(m.group(1));
		boolean before = m.group(3).equals("before") || m.group(3).equals("truoc");
		return new Offset(before ? -days : days, m.group(2).contains("working") || m.group(2).contains("lam viec"));
	}

	static Offset every(String text) {
		Matcher m = EVERY.matcher(fold(text));
		if (!m.matches()) {
			throw new IllegalArgumentException("cannot read '" + text + "': write e.g. \"mỗi 2 ngày làm việc\" or \"every 2 working days\"");
		}
		return new Offset(Integer.parseInt(m.group(1)), m.group(2).contains("working") || m.group(2).contains("lam viec"));
	}

	static String fold(String text) {
		String lower = text.strip().toLowerCase(Locale.ROOT).replace('đ', 'd');
		String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return bare.replaceAll("\\s+", " ");
	}

}
