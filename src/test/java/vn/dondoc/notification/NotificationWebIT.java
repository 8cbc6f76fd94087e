package vn.dondoc.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/notifications} and the {@code /mailbox} page, over HTTP with and without a login. */
@NotificationIT
class NotificationWebIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification").update();
	}

	@Test
	void listsWhatWasSentAboutADirectiveToWhomWhenAndHowItStands() throws Exception {
		transactions.executeWithoutResult(status -> {
			notifications.enqueue(Requests.of("api/assignment", NotificationKind.ASSIGNMENT, 40));
			notifications.enqueue(Requests.reminder("api/reminder"));
			notifications.enqueue(Requests.to("api/dead", "reject this"));
		});
		notifications.dispatchPending();
		transactions.executeWithoutResult(status -> notifications.enqueue(Requests.of("api/overdue", NotificationKind.OVERDUE, -1)));

		JsonNode page = getJson("/api/notifications?directive=" + Requests.DIRECTIVE + "&size=2");

		assertThat(page.get("total").asLong()).isEqualTo(4);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(2);
		JsonNode newest = page.get("items").get(0);
		assertThat(newest.get("idempotencyKey").asText()).isEqualTo("api/overdue");
		assertThat(newest.get("state").asText()).isEqualTo("PENDING");
		assertThat(newest.get("stateLabel").asText()).isEqualTo("Chờ gửi");
		assertThat(newest.get("nextAttemptAt").isNull()).isFalse();
		assertThat(newest.get("kindLabel").asText()).isEqualTo("Quá hạn");

		JsonNode second = getJson("/api/notifications?directive=" + Requests.DIRECTIVE + "&size=2&page=1");
		List<String> keys = new ArrayList<>(page.get("items").findValuesAsText("idempotencyKey"));
		keys.addAll(second.get("items").findValuesAsText("idempotencyKey"));
		assertThat(keys).containsExactlyInAnyOrder("api/overdue", "api/assignment", "api/reminder", "api/dead");
		JsonNode all = getJson("/api/notifications?directive=" + Requests.DIRECTIVE + "&size=10");
		JsonNode sent = find(all, "api/reminder");
		assertThat(sent.get("state").asText()).isEqualTo("SENT");
		assertThat(sent.get("attempts").asInt()).isOne();
		assertThat(sent.get("sentAt").asText()).endsWith("+07:00");
		assertThat(sent.get("to").get(0).asText()).isEqualTo(Requests.BAN_TO_CHUC);
		assertThat(sent.get("cc").get(0).asText()).isEqualTo(Requests.HEAD);
		assertThat(sent.get("subject").asText()).startsWith("Nhắc hạn: Giao Ban Tổ chức Thành ủy");
		assertThat(sent.get("messageId").asText()).startsWith("<").endsWith("@thanhuy-haiphong.example>");
		JsonNode dead = find(all, "api/dead");
		assertThat(dead.get("state").asText()).isEqualTo("DEAD");
		assertThat(dead.get("lastError").asText()).startsWith("Địa chỉ không hợp lệ");

		assertThat(getJson("/api/notifications?directive=KL-KHAC/I.1").get("total").asLong()).isZero();
	}

	@Test
	void refusesBadPagingWithAProblemNamingEachMistake() {
		ResponseEntity<String> response = rest.withBasicAuth("admin", "admin")
			.getForEntity("/api/notifications?page=-1&size=1000", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(response.getBody()).contains("page phải ≥ 0").contains("size phải từ 1 đến 200");
	}

	@Test
	void apiAndMailboxNeedALogin() {
		assertThat(rest.getForEntity("/api/notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> mailbox = rest.getForEntity("/mailbox", String.class);
		assertThat(mailbox.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(mailbox.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
		assertThat(rest.getForEntity("/mailbox/message?id=x", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// the mailbox holds every unit's mail: a unit's own account may not read it
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/mailbox", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theMailboxShowsReceivedMailWithItsHtmlSandboxedAndEscaped() {
		String key = "mailbox/" + System.nanoTime();
		transactions.executeWithoutResult(status -> notifications.enqueue(
				Requests.withText(key, "Báo cáo \"><script>alert('hộp thư')</script> trước 20/4/2023", "Ban Tuyên giáo Thành ủy")));
		assertThat(notifications.dispatchPending().sent()).isOne();
		OutboxRow row = outbox.find(key).orElseThrow();

		ResponseEntity<String> list = rest.withBasicAuth("admin", "admin").getForEntity("/mailbox", String.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(list.getBody()).contains("Hộp thư", "Người nhận", Requests.BAN_TO_CHUC)
			.contains("Nhắc hạn: Báo cáo &quot;&gt;&lt;script&gt;")
			.doesNotContain("<script>alert")
			// in the dashboard's layout: its top bar, the reader's name and the help link
			.contains("class=\"bar\"", "href=\"/huong-dan\"", "Quản trị");

		URI link = UriComponentsBuilder.fromPath("/mailbox/message").queryParam("id", row.messageId()).encode().build().toUri();
		ResponseEntity<String> message = rest.withBasicAuth("admin", "admin").getForEntity(link, String.class);
		assertThat(message.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(message.getBody()).containsPattern("<iframe [^>]*sandbox=\"\"").contains("srcdoc=\"&lt;!DOCTYPE html&gt;")
			.contains("class=\"bar\"", "href=\"/huong-dan\"")
			.contains("Hạn KL-HNTU11-KXVI mục I.2.3.1.ics")
			.contains("Ban Tuyên giáo Thành ủy")
			.doesNotContain("<script>alert");

		ResponseEntity<String> unknown = rest.withBasicAuth("admin", "admin").getForEntity("/mailbox/message?id=<none@x>",
				String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private JsonNode getJson(String path) throws Exception {
		ResponseEntity<String> response = rest.withBasicAuth("admin", "admin").getForEntity(path, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return json.readTree(response.getBody());
	}

	private static JsonNode find(JsonNode page, String key) {
		for (JsonNode item : page.get("items")) {
			if (key.equals(item.get("idempotencyKey").asText())) {
				return item;
			}
		}
		throw new AssertionError("No notification " + key + " in " + page);
	}

}
