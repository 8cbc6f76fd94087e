package vn.dondoc.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The Vietnamese locale files of the Camunda webapps ({@code locales/vi.json}, ours) against the English
 * ones of the Camunda 7.24 webjar on the same classpath: the same keys, no more and no fewer (a missing key
 * shows up in the page as the raw key, an extra one means a Camunda upgrade renamed something), every
 * {@code {{placeholder}}} and HTML tag kept, and Tasklist, Welcome and Admin translated throughout.
 */
class CamundaLocalesTest {

	static final String APPS = "META-INF/resources/webjars/camunda/app/";

	/** Values that read the same in Vietnamese: product and technical names, symbols, Camunda's empty one. */
	static final Set<String> SAME_IN_VIETNAMESE = Set.of("", "Camunda", "Optimize", "Tenant", "ID", "ID*", "<null>", "<", "<=",
			">", ">=");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

	static final Pattern TAG = Pattern.compile("</?(?:a|br|strong|b|i|em|code|span|p|ul|li|div|pre)\\b[^>]*>");

	final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void vietnameseHasExactlyTheKeysOfEnglish(String app) throws IOException {
		Map<String, String> en = flatten(read(app, "en"));
		Map<String, String> vi = flatten(read(app, "vi"));
		assertThat(en).as("the webjar's en.json of %s", app).hasSizeGreaterThan(100);
		assertThat(vi.keySet()).as("keys of %s/locales/vi.json", app).containsExactlyInAnyOrderElementsOf(en.keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void vietnameseKeepsEveryPlaceholderAndTag(String app) throws IOException {
		Map<String, String> en = flatten(read(app, "en"));
		Map<String, String> vi = flatten(read(app, "vi"));
		en.forEach((key, english) -> {
			String vietnamese = vi.getOrDefault(key, "");
			assertThat(all(PLACEHOLDER, vietnamese)).as("placeholders of %s %s", app, key)
				.containsExactlyInAnyOrderElementsOf(all(PLACEHOLDER, english));
			assertThat(all(TAG, vietnamese)).as("HTML tags of %s %s", app, key).containsExactlyInAnyOrderElementsOf(all(TAG, english));
			// Vietnamese has no plural ending: Cockpit's "s" after "instance" becomes nothing
			if (!english.isBlank() && !english.equals("s")) {
				assertThat(vietnamese).as("%s %s", app, key).isNotBlank();
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "admin", "welcome" })
	void tasklistAdminAndWelcomeAreTranslatedThroughout(String app) throws IOException {
		Map<String, String> en = flatten(read(app, "en"));
		Map<String, String> vi = flatten(read(app, "vi"));
		Map<String, String> stillEnglish = new LinkedHashMap<>();
		en.forEach((key, english) -> {
			// dateLocales holds moment.js patterns ("HH:mm") as well as names, so labels only
			if (key.startsWith("labels.") && english.equals(vi.get(key)) && !SAME_IN_VIETNAMESE.contains(english)) {
				stillEnglish.put(key, english);
			}
		});
		assertThat(stillEnglish).as("labels of %s still in English", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void datesAreVietnameseAndDayFirst(String app) throws IOException {
		JsonNode dates = read(app, "vi").path("dateLocales");
		assertThat(dates.path("months").get(3).asText()).isEqualTo("tháng 4");
		assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("thứ hai");
		assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
		assertThat(dates.path("relativeTime").path("future").asText().replace("%s", "3 tháng")).isEqualTo("sau 3 tháng");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void theFilesAreUtf8WithoutByteOrderMark(String app) throws IOException {
		byte[] bytes = bytes(APPS + app + "/locales/vi.json");
		assertThat(bytes[0]).as("first byte of %s/locales/vi.json", app).isEqualTo((byte) '{');
		assertThatCode(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes))).doesNotThrowAnyException();
	}

	private JsonNode read(String app, String locale) throws IOException {
		String text = new String(bytes(APPS + app + "/locales/" + locale + ".json"), StandardCharsets.UTF_8);
		// Camunda's own files start with a byte order mark, which Jackson does not skip in a String
		return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = CamundaLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as("%s on the classpath", resource).isNotNull();
			return in.readAllBytes();
		}
	}

	/** Every leaf as dotted path → text; arrays by index (the month and weekday names). */
	private static Map<String, String> flatten(JsonNode node) {
		Map<String, String> leaves = new LinkedHashMap<>();
		flatten("", node, leaves);
		return leaves;
	}

	private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
		if (node.isObject()) {
			node.fields().forEachRemaining(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node.asText());
		}
	}

	private static List<String> all(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.results().map(MatchResult::group).toList();
	}

}
