package vn.dondoc.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import that runs past {@code dondoc.directive.import-timeout} (here 1 ms, so every import does) is
 * stopped and rolled back whole: the API answers 503 with a Vietnamese problem, the import page says the
 * same, nothing is stored, and the node stays healthy. A preview is not an import and still answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.notification.poll-interval=0", "dondoc.directive.import-timeout=1ms" })
@AutoConfigureMockMvc
class ImportTimeoutIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportPastTheTimeLimitIsRefusedCleanlyAndChangesNothing() throws Exception {
		byte[] document = Documents.of("SLOW-1").getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"));

		ResponseEntity<String> refused = rest.withBasicAuth("admin", "admin").postForEntity("/api/documents",
				new HttpEntity<>(document, headers), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.getBody()).contains("Nhập văn bản quá lâu").contains("SLOW-1").contains("chạy quá 1 mili giây")
			.contains("chưa thay đổi gì");
		assertNothingStored();

		String page = mvc.perform(post("/import/confirm").param("content", Base64.getEncoder().encodeToString(document))
			.param("fileName", "cham.yml").with(AccessByRoleIT.office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"failure\"").contains("Chưa nhập được văn bản").contains("chưa thay đổi gì");
		assertNothingStored();

		ResponseEntity<String> preview = rest.withBasicAuth("admin", "admin").postForEntity("/api/documents?dryRun=true",
				new HttpEntity<>(document, headers), String.class);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody()).contains("\"added\":4");
		assertThat(rest.getForObject("/actuator/health", String.class)).contains("\"UP\"");
	}

	private void assertNothingStored() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE code = 'SLOW-1'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM directive WHERE document_code = 'SLOW-1'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE 'SLOW-1/%'").query(Long.class).single())
			.isZero();
	}

}
