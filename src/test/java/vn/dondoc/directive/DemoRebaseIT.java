package vn.dondoc.directive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo set-up (issue 19): the seed is imported at start-up with its dates shifted so that it was issued
 * today. Uploading the same file again, as the import page suggests, must not move 726 deadlines back to
 * 2023: it is shifted by the same number of days, and the page says so. A corrected copy moves only what
 * was corrected; any other document is taken as written.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=true", "dondoc.demo.rebase-to-today=true", "dondoc.notification.poll-interval=0",
				"camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class DemoRebaseIT {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final Path SEED = Path.of("config/directives/kl-hntu11-kxvi.yml");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void reuploadingTheDemoDocumentIsShiftedAsAtStartUpAndAnyOtherDocumentIsTakenAsWritten() throws Exception {
		LocalDate today = LocalDate.now(VIETNAM);
		long shift = ChronoUnit.DAYS.between(LocalDate.of(2023, 4, 13), today);
		assertThat(jdbc.sql("SELECT rebase_days FROM document WHERE code = 'KL-HNTU11-KXVI'").query(Integer.class).single())
			.isEqualTo((int) shift);
		String seed = Files.readString(SEED, StandardCharsets.UTF_8);
		String dueDates = dueDates();

		// the very file the import page names: nothing to do, and the preview says how it was read
		JsonNode same = json.readTree(post("/api/documents?dryRun=true", seed).getBody());
		assertThat(same.get("outcome").asText()).isEqualTo("UNCHANGED");
		assertThat(same.get("rebase").asText()).contains("Văn bản mẫu").contains(shift + " ngày");
		ResponseEntity<String> again = post("/api/documents", seed);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(again.getBody()).get("outcome").asText()).isEqualTo("UNCHANGED");
		assertThat(dueDates()).isEqualTo(dueDates);

		// the import page says so too
		String page = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "kl-hntu11-kxvi.yml", "application/yaml",
				seed.getBytes(StandardCharsets.UTF_8))).with(SecurityMockMvcRequestPostProcessors.user("vanphong")
					.authorities(new SimpleGrantedAuthority("GROUP_tracking-office"))).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"rebase\"").contains("Văn bản mẫu").contains("id=\"unchanged\"");

		// a corrected copy: a week more for the comments on the manuscript, and only that part moves, by a week
		String corrected = seed.replace("trước ngày 20/4/2023", "trước ngày 27/4/2023");
		JsonNode preview = json.readTree(post("/api/documents?dryRun=true", corrected).getBody());
		assertThat(preview.get("outcome").asText()).isEqualTo("UPDATED");
		assertThat(preview.get("moves")).isNotEmpty().allSatisfy(move -> {
			assertThat(move.get("section").asText()).isEqualTo("II.2.1");
			long days = ChronoUnit.DAYS.between(LocalDate.parse(move.get("from").asText()), LocalDate.parse(move.get("to").asText()));
			assertThat(days).as("a week, to a working day").isBetween(4L, 10L);
			assertThat(move.get("overdueAtOnce").asBoolean()).isFalse();
		});
		assertThat(post("/api/documents", corrected).getStatusCode()).isEqualTo(HttpStatus.OK);

		// another document is taken as written: its deadline in 2023 stays in 2023
		String other = """
				code: KHAC-2023
				title: Văn bản khác
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Báo cáo
				    lead: [ban-to-chuc]
				    deadline: trong quý II năm 2023
				""";
		assertThat(post("/api/documents", other).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(jdbc.sql("SELECT due_date FROM directive WHERE document_code = 'KHAC-2023'").query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(jdbc.sql("SELECT rebase_days FROM document WHERE code = 'KHAC-2023'").query(Integer.class).optional()).isEmpty();
	}

	private String dueDates() {
		return jdbc.sql("""
				SELECT d.section || ' ' || u.unit_code || ' ' || COALESCE(CAST(u.due_date AS VARCHAR(10)), '-') FROM directive d
				JOIN directive_unit u ON u.directive_id = d.id WHERE d.document_code = 'KL-HNTU11-KXVI' ORDER BY 1""")
			.query(String.class)
			.list()
			.toString();
	}

	private ResponseEntity<String> post(String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"));
		return rest.withBasicAuth("admin", "admin").postForEntity(path, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
				String.class);
	}

}
