package vn.dondoc.calendar;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A phrase folded for matching — lower case, without diacritics (đ → d), punctuation turned into single
 * spaces, no spaces around "/" and "-" — that remembers where each folded character came from, so that
 * messages can quote the phrase as it was written.
 */
record FoldedText(String original, String text, int[] origin) {

	private static final String PUNCTUATION = ",;:()[]{}\"'“”‘’«»!?…";

	static FoldedText of(String phrase) {
		String original = Normalizer.normalize(phrase, Normalizer.Form.NFC);
		StringBuilder text = new StringBuilder();
		int[] origin = new int[original.length() * 2 + 1];
		boolean pendingSpace = false;
		for (int i = 0; i < original.length(); i++) {
			for (char c : fold(original.charAt(i)).toCharArray()) {
				if (text.length() + 2 > origin.length) {
					// a character may fold into several (a Hangul syllable into three jamo)
					origin = Arrays.copyOf(origin, origin.length * 2 + 2);
				}
				if (c == ' ') {
					pendingSpace = text.length() > 0;
					continue;
				}
				if (pendingSpace) {
					char previous = text.charAt(text.length() - 1);
					if (!isJoiner(previous) && !isJoiner(c)) {
						origin[text.length()] = i;
						text.append(' ');
					}
					pendingSpace = false;
				}
				origin[text.length()] = i;
				text.append(c);
			}
		}
		// a full stop ends a sentence, it is not part of a date
		int length = text.length();
		while (length > 0 && text.charAt(length - 1) == '.') {
			length--;
		}
		return new FoldedText(original, text.substring(0, length), Arrays.copyOf(origin, length));
	}

	/** The original text behind folded characters {@code [from, to)}. */
	String original(int from, int to) {
		if (from >= to) {
			return "";
		}
		return original.substring(origin[from], origin[to - 1] + 1).strip();
	}

	/** The original text from folded character {@code from} to the end of the phrase. */
	String originalFrom(int from) {
		String rest = original.substring(origin[from]).strip();
		int end = rest.length();
		while (end > 0 && (rest.charAt(end - 1) == '.' || PUNCTUATION.indexOf(rest.charAt(end - 1)) >= 0)) {
			end--;
		}
		return rest.substring(0, end).strip();
	}

	private static boolean isJoiner(char c) {
		return c == '/' || c == '-';
	}

	private static String fold(char c) {
		if (Character.isWhitespace(c) || Character.isSpaceChar(c) || PUNCTUATION.indexOf(c) >= 0) {
			return " ";
		}
		if (c == '–' || c == '—') {
			return "-";
		}
		if (c == 'đ' || c == 'Đ') {
			return "d";
		}
		String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		StringBuilder base = new StringBuilder();
		for (char d : decomposed.toCharArray()) {
			if (Character.getType(d) != Character.NON_SPACING_MARK) {
				base.append(Character.toLowerCase(d));
			}
		}
		return base.toString();
	}
}
