package vn.dondoc.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.dondoc.unit.UnitDirectory;

/**
 * An all-capitals line in ordinary case: each word cased as the body (or the unit directory) writes it
 * after the same word ("Hội nghị", "Thành ủy", "Ban Thường vụ"), else as the body mostly writes it, else
 * in lower case; the first word capitalised, Roman numerals kept.
 */
final class TitleCasing {

	private static final Locale VI = new Locale("vi");

	/** How a word is written after a word, and before a word, keyed by the two words folded. */
	private final Map<String, Map<String, Integer>> afterWord = new HashMap<>();

	private final Map<String, Map<String, Integer>> beforeWord = new HashMap<>();

	/** How the body writes a word inside its sentences. */
	private final Map<String, Map<String, Integer>> anywhere = new HashMap<>();

	TitleCasing(List<String> lines, UnitDirectory units) {
		List<String> names = new ArrayList<>();
		units.names().values().forEach(names::addAll);
		count(lines, true);
		count(names, false);
	}

	private void count(List<String> sources, boolean body) {
		for (String line : sources) {
			if (isUpper(line)) {
				continue;
			}
			String[] words = line.split("[\\s,.;:()“”\"]+");
			for (int i = 0; i < words.length; i++) {
				String word = words[i];
				if (word.isEmpty() || isUpper(word) && word.length() > 1) {
					continue;
				}
				String key = TextNormalizer.fold(word);
				if (i > 0) {
					afterWord.computeIfAbsent(TextNormalizer.fold(words[i - 1]) + " " + key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
					if (body) {
						anywhere.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
					}
				}
				if (i + 1 < words.length) {
					beforeWord.computeIfAbsent(key + " " + TextNormalizer.fold(words[i + 1]), k -> new HashMap<>()).merge(word, 1, Integer::sum);
				}
			}
		}
	}

	String sentence(String upper) {
		String[] words = upper.strip().split(" ");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			String lower = word.toLowerCase(VI);
			String key = TextNormalizer.fold(word);
			String shown;
			if (word.matches("[IVXLC]+,?") && word.length() <= 6) {
				shown = word;
			}
			else if (i == 0) {
				shown = capitalizeFirst(lower);
			}
			else {
				shown = most(afterWord.get(TextNormalizer.fold(words[i - 1]) + " " + key));
				if (shown == null && i + 1 < words.length) {
					shown = most(beforeWord.get(key + " " + TextNormalizer.fold(words[i + 1])));
				}
				if (shown == null) {
					shown = capitalisedOnly(anywhere.get(key));
				}
				if (shown == null) {
					shown = lower;
				}
				// the word as the title has it (ủy, not uỷ), in the case found
				shown = Character.isUpperCase(shown.charAt(0)) ? capitalizeFirst(lower) : lower;
			}
			out.append(i == 0 ? "" : " ").append(shown);
		}
		return out.toString();
	}

	/** A word the body only ever writes with a capital, at least twice. */
	private static String capitalisedOnly(Map<String, Integer> forms) {
		if (forms == null || forms.keySet().stream().anyMatch(form -> Character.isLowerCase(form.charAt(0)))) {
			return null;
		}
		return forms.values().stream().mapToInt(Integer::intValue).sum() >= 2 ? most(forms) : null;
	}

	private static String most(Map<String, Integer> forms) {
		return forms == null ? null : forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	static String capitalizeFirst(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static boolean isUpper(String text) {
		boolean letters = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters = true;
				if (Character.isLowerCase(c)) {
					return false;
				}
			}
		}
		return letters;
	}

}
