package vn.dondoc.production;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestClock;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two dondoc nodes, each its own JVM, on one PostgreSQL and one SMTP server: every reminder step of
 * every task fires once across the cluster, and every e-mail arrives once.
 */
class ReminderClusterIT {

	static final int TASKS = 100;

	static final String PASSWORD = "Cluster-test-2023";

	static final List<String> UNITS = List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh", "uy-ban-kiem-tra",
			"bcsd-ubnd", "dd-hdnd", "dd-mttq", "qu-le-chan", "hu-thuy-nguyen");

	@Test
	void twoNodesFireEachStepOnceAndEachMailArrivesOnce() throws Exception {
		String url = TestPostgres.newDatabase("cluster");
		GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		// business time: Wednesday 28/6/2023, 07:28:00 in Hải Phòng; the "đúng hạn" steps come at 07:30
		Instant target = LocalDateTime.of(2023, 6, 28, 7, 28, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
		long offset = Duration.between(Instant.now(), target).toMillis();
		Map<String, String> settings = Map.of("spring.profiles.active", "postgres", "spring.datasource.url", url,
				"spring.datasource.username", "postgres", "spring.datasource.password", "postgres", "dondoc.admin.password", PASSWORD,
				"spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
				"dondoc.notification.poll-interval", "1s", TestClock.OFFSET_PROPERTY, String.valueOf(offset));
		try (NodeProcess a = NodeProcess.start("cluster-a", settings, Duration.ofMinutes(3));
				NodeProcess b = NodeProcess.start("cluster-b", settings, Duration.ofMinutes(3))) {
			HttpResponse<String> imported = post(a, "/api/documents", document());
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

			try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
				// every task reaches its "đúng hạn" step, whichever node fires it
				try {
					await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
						.until(() -> count(db, "SELECT COUNT(*) FROM reminder_log WHERE step = 'den-han' AND state = 'SENT'") == TASKS);
				}
				catch (org.awaitility.core.ConditionTimeoutException e) {
					System.out.println("DIAG triggers: " + rows(db, "SELECT trigger_state || ' ' || COUNT(*) FROM qrtz_triggers GROUP BY trigger_state"));
					System.out.println("DIAG sample: " + rows(db, "SELECT trigger_name || ' ' || trigger_state || ' ' || next_fire_time || ' ' || (SELECT COUNT(*) FROM qrtz_fired_triggers) FROM qrtz_triggers LIMIT 3"));
					System.out.println("DIAG log: " + rows(db, "SELECT step || ' ' || state || ' ' || COUNT(*) FROM reminder_log GROUP BY step, state"));
					System.out.println("DIAG now: " + System.currentTimeMillis() + " state " + rows(db, "SELECT instance_name || ' ' || last_checkin_time FROM qrtz_scheduler_state"));
					throw e;
				}
				long sentSteps = count(db, "SELECT COUNT(*) FROM reminder_log WHERE state = 'SENT'");
				await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
					.until(() -> count(db, "SELECT COUNT(*) FROM notification WHERE state = 'SENT'") == sentSteps);

				assertThat(count(db, "SELECT COUNT(*) FROM reminder_log WHERE step = 'giao-nhiem-vu' AND state = 'SENT'")).isEqualTo(TASKS);
				assertThat(count(db, "SELECT COUNT(*) FROM (SELECT task_id, step, occurrence, due_key FROM reminder_log "
						+ "GROUP BY task_id, step, occurrence, due_key HAVING COUNT(*) > 1) dup")).isZero();
				// no trigger left but those of the next steps (quá hạn from 29/6): one per open task at most
				assertThat(count(db, "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'reminder'")).isEqualTo(TASKS);

				MimeMessage[] received = smtp.getReceivedMessages();
				Set<String> ids = new HashSet<>();
				for (MimeMessage message : received) {
					ids.add(message.getMessageID());
				}
				// GreenMail keeps one copy per recipient mailbox: each e-mail once means one copy per recipient
				long deliveries = 0;
				for (String addresses : rows(db, "SELECT recipients || CHR(10) || copy_recipients FROM notification WHERE state = 'SENT'")) {
					deliveries += addresses.lines().filter(line -> !line.isBlank()).count();
				}
				assertThat(ids).as("each e-mail sent once").hasSize((int) sentSteps);
				assertThat(received).as("each e-mail received once per recipient").hasSize((int) deliveries);

				double wakeupsA = metric(a, "dondoc_reminders_wakeups_total");
				double wakeupsB = metric(b, "dondoc_reminders_wakeups_total");
				System.out.printf("cluster: %d steps sent as %d e-mails; trigger firings node A %.0f, node B %.0f%n", sentSteps,
						received.length, wakeupsA, wakeupsB);
				// each task is woken at creation and at 07:30 (once only if the nodes were slow to start and
				// 07:30 had passed by the import); a trigger fired twice would push the sum above 2 per task
				assertThat(wakeupsA + wakeupsB).isBetween((double) TASKS, 2.0 * TASKS);
			}
		}
		finally {
			smtp.stop();
		}
	}

	private static String document() {
		StringBuilder yaml = new StringBuilder("""
				code: CLUSTER-1
				title: Thử nhiều máy chủ
				issuedOn: 2023-04-13
				directives:
				""");
		for (int i = 1; i <= TASKS; i++) {
			yaml.append("  - { section: \"").append(i).append("\", text: \"Nhiệm vụ thử số ").append(i).append("\", lead: [")
				.append(UNITS.get(i % UNITS.size())).append("], dueDate: 2023-06-28 }\n");
		}
		return yaml.toString();
	}

	private static HttpResponse<String> post(NodeProcess node, String path, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", auth())
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double metric(NodeProcess node, String name) throws Exception {
		String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/prometheus"))
			.header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
		return m.find() ? Double.parseDouble(m.group(2)) : 0;
	}

	private static String auth() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> rows(Connection db, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	private static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}


}
