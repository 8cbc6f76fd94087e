package vn.dondoc.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The signer block at the end of a Party document: T/M, K/T, T/L or TUQ, the title, the name. */
final class SignerBlock {

	/** The block's first line: who signs on whose behalf. */
	static final Pattern START = Pattern.compile("^(T/M|TM\\.|K/T|KT\\.|T/L|TL\\.|TUQ\\.?|Q\\.)\\s*(.*)$");

	private SignerBlock() {
	}

	/**
	 * The signer: the name on the block's last line, the title above it, and on whose behalf
	 * ("Lê Tiến Châu, Bí thư (T/M Ban Chấp hành)").
	 */
	static String read(Matcher sign, List<String> lines, int at, TitleCasing casing) {
		String marker = sign.group(1).replace(".", "/").replace("TM/", "T/M").replace("KT/", "K/T").replace("TL/", "T/L");
		String body = sign.group(2).strip();
		List<String> rest = new ArrayList<>();
		for (int i = at + 1; i < lines.size() && rest.size() < 3; i++) {
			String line = lines.get(i).strip();
			if (!line.isEmpty() && !TextNormalizer.fold(line).startsWith("noi nhan") && !line.startsWith("-")) {
				rest.add(line);
			}
		}
		if (rest.isEmpty()) {
			return marker + " " + body;
		}
		String name = rest.get(rest.size() - 1);
		String title = rest.size() > 1 ? casing.sentence(rest.get(rest.size() - 2)) : null;
		String on = body.isEmpty() ? "" : casing.sentence(body);
		return name + (title == null ? "" : ", " + title) + " (" + marker + (on.isEmpty() ? "" : " " + on) + ")";
	}

}
