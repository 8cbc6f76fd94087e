package vn.dondoc.draft;

import java.text.Normalizer;

/**
 * Text as offices' Word files and PDFs give it, made readable: NFC (decomposed Vietnamese from some fonts),
 * non-breaking and odd spaces as spaces, soft hyphens and zero-width characters dropped, the bold marks of a
 * Markdown copy ({@code **}) as line breaks before a heading or a name (else dropped), one space between words.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	static String normalize(String text) {
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		for (int i = 0; i < nfc.length(); i++) {
			char c = nfc.charAt(i);
			switch (c) {
				case '\u00A0', '\u2007', '\u202F', '\u2002', '\u2003', '\u2009', '\t' -> out.append(' ');
				case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> {
				}
				case '\r' -> out.append('\n');
				case '\u2013', '\u2014' -> out.append('-');
				default -> out.append(c);
			}
		}
		// bold marks of a Markdown copy: a break before a heading, a signer's title or name; else nothing
		return out.toString()
			.replaceAll("\\*\\*(?=\\*\\*|\\s*(?:\\d+\\.|[IVX]+\\.|\\p{Lu}{2,}|\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+ \\p{Lu}))", "\n")
			.replace("**", "")
			.replaceAll("[ ]{2,}", " ")
			.replaceAll("(?m)^ +| +$", "");
	}

	/**
	 * Lower case without diacritics, one character for each character of {@code text} (đ as d), so that a
	 * match found in the folded text is at the same place in the original.
	 */
	static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 'đ' || c == 'Đ') {
				out.append('d');
				continue;
			}
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.charAt(0)));
		}
		return out.toString();
	}

}
