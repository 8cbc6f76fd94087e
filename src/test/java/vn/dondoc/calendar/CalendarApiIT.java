package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The calendar API over HTTP, in the whole application, behind its authentication. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/calendar-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false" })
class CalendarApiIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationContext context;

	@Test
	void listsTheSpecialDaysOf2024() {
		ResponseEntity<Map> response = admin().getForEntity("/api/calendar/2024", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("year", 2024);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> days = (List<Map<String, Object>>) response.getBody().get("days");
		assertThat(days).anySatisfy(day -> {
			assertThat(day).containsEntry("date", "2024-04-29");
			assertThat(day).containsEntry("display", "29/04/2024");
			assertThat(day).containsEntry("kind", "BRIDGE_DAY_OFF");
			assertThat((String) day.get("source")).contains("2450/VPCP-KGVX");
		});
		assertThat(days).anySatisfy(day -> {
			assertThat(day).containsEntry("date", "2024-05-04");
			assertThat(day).containsEntry("kind", "MAKEUP_WORKING_SATURDAY");
		});
		assertThat(days).extracting(day -> day.get("date")).doesNotContain("2024-03-09");
	}

	@Test
	void parsesADeadlinePhrase() {
		ResponseEntity<Map> response = admin().getForEntity(
				"/api/deadlines/parse?text={text}&issuedOn={issuedOn}", Map.class, "trong quý II năm 2023", "2023-04-13");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody())
				.containsEntry("kind", "END_OF_PERIOD")
				.containsEntry("dueDate", "2023-06-30")
				.containsEntry("dueDateDisplay", "30/06/2023")
				.containsEntry("explanation", "Hết quý II năm 2023: ngày 30/06/2023.");
	}

	@Test
	void unreadablePhraseIsAProblemNamingTheField() {
		ResponseEntity<Map> response = admin().getForEntity(
				"/api/deadlines/parse?text={text}&issuedOn={issuedOn}", Map.class, "quý V năm 2023", "2023-04-13");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(response.getBody()).containsEntry("status", 400).containsEntry("unreadable", "V");
		assertThat((String) response.getBody().get("detail")).contains("text").contains("Quý «V» không tồn tại");
		assertThat(response.getBody().get("errors")).asList().hasSize(1);
	}

	@Test
	void badParametersAreAllNamed() {
		ResponseEntity<Map> response = admin().getForEntity("/api/deadlines/parse?issuedOn=13-04-2023", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat((String) response.getBody().get("detail")).contains("text").contains("issuedOn");
	}

	@Test
	void requiresAuthentication() {
		assertThat(rest.getForEntity("/api/calendar/2024", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void calendarBeanIsNamedForBpmnExpressions() {
		assertThat(context.getBean("calendar")).isInstanceOf(VietnamCalendar.class);
	}

	private TestRestTemplate admin() {
		return rest.withBasicAuth("admin", "admin");
	}
}
