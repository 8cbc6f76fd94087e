package vn.dondoc.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19's scenario, for {@code ReimportIT} and {@code ReimportBenchmark}: the seed conclusion (28
 * directives, 726 unit parts) imported into a node in its own JVM, then re-imported with every dated deadline
 * moved (a new quarter, a corrected day). Checks that every open part moved in every layer: dondoc's row, the
 * Camunda task's due date, the overdue timer and the next reminder; that the node stays healthy and stops on
 * SIGTERM.
 */
public final class SeedReimport {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String PASSWORD = "Reimport-test-2023";

	/** Business time: the morning after the conference, so that every deadline of the seed is ahead. */
	static final Instant BUSINESS_NOW = LocalDateTime.of(2023, 4, 14, 8, 0).atZone(VIETNAM).toInstant();

	private static final ObjectMapper JSON = new ObjectMapper();

	private SeedReimport() {
	}

	/** Opens a connection to the node's database. */
	public interface Database {

		Connection open() throws SQLException;

	}

	/**
	 * Starts a node (production heap, {@code jvmOptions}), imports the seed, waits for its assignment notices,
	 * previews and re-imports it with every dated deadline moved, checks every layer moved, and stops the node
	 * with SIGTERM.
	 *
	 * @param settings the node's Spring properties (database, mail), without the business clock and admin password
	 */
	public static Result run(String name, Map<String, String> settings, List<String> jvmOptions, Database database) throws Exception {
		Map<String, String> all = new HashMap<>(settings);
		all.put("dondoc.demo.enabled", "false");
		all.put("dondoc.admin.password", PASSWORD);
		Duration offset = Duration.between(Instant.now(), BUSINESS_NOW);
		all.put(TestClock.OFFSET_PROPERTY, String.valueOf(offset.toMillis()));
		String seed = Files.readString(Path.of("config/directives/kl-hntu11-kxvi.yml"), StandardCharsets.UTF_8);
		// every dated deadline later: a new quarter, a corrected day
		String moved = seed.replace("quý II năm 2023", "quý III năm 2023").replace("20/4/2023", "27/4/2023");
		assertThat(moved).isNotEqualTo(seed);

		try (NodeProcess node = NodeProcess.start("reimport-" + name, all, Duration.ofMinutes(6), jvmOptions)) {
			long started = System.nanoTime();
			HttpResponse<String> first = post(node, "/api/documents", seed);
			double firstSeconds = (System.nanoTime() - started) / 1e9;
			assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
			Variables variables;
			try (Connection db = database.open()) {
				variables = Variables.count(db);
			}

			// the assignment notices go out first: then each part's wake-up waits at the first step of its ladder; and
			// they are sent, so that the re-import is timed alone, as the first import was, not against the outbox
			// sending some 700 mails (which it did, or not, by a few seconds either way)
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
				try (Connection db = database.open()) {
					return soonWakeUps(db, Instant.now().plus(offset)) == 0 && unsent(db) == 0;
				}
			});
			Map<String, Part> before;
			try (Connection db = database.open()) {
				before = parts(db);
			}
			assertThat(before).hasSize(726);
			long dated = before.values().stream().filter(part -> part.directiveDue() != null).count();

			// the preview says what will move, and moves nothing
			HttpResponse<String> dry = post(node, "/api/documents?dryRun=true", moved);
			assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
			JsonNode preview = JSON.readTree(dry.body());
			assertThat(preview.get("moves").size()).isEqualTo((int) dated);
			assertThat(preview.get("overdueAtOnce").asInt()).isZero();
			try (Connection db = database.open()) {
				assertThat(parts(db)).isEqualTo(before);
			}

			started = System.nanoTime();
			HttpResponse<String> again = post(node, "/api/documents", moved);
			double againSeconds = (System.nanoTime() - started) / 1e9;
			assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
			assertThat(JSON.readTree(again.body()).get("updated").asInt()).as("every dated directive").isEqualTo(19);
			assertThat(get(node, "/actuator/health").body()).contains("\"UP\"");
			double heapMb = JSON.readTree(get(node, "/actuator/metrics/jvm.memory.used?tag=area:heap").body())
				.get("measurements").get(0).get("value").asDouble() / (1024 * 1024);

			Map<String, Part> after;
			try (Connection db = database.open()) {
				after = parts(db);
			}
			assertThat(after.keySet()).isEqualTo(before.keySet());
			int movedParts = 0;
			for (Map.Entry<String, Part> entry : after.entrySet()) {
				Part old = before.get(entry.getKey());
				Part now = entry.getValue();
				if (old.directiveDue() == null) {
					assertThat(now).as("an ongoing or event part stays as it was: " + entry.getKey()).isEqualTo(old);
					continue;
				}
				movedParts++;
				assertThat(now.directiveDue()).as(entry.getKey()).isAfter(old.directiveDue());
				assertThat(now.due()).as("dondoc's row of " + entry.getKey()).isEqualTo(now.directiveDue());
				Instant endOfDay = now.due().atTime(23, 59, 59).atZone(VIETNAM).toInstant();
				assertThat(now.taskDue()).as("the carryOut task of " + entry.getKey()).isEqualTo(endOfDay);
				assertThat(now.timerDue()).as("the overdue timer of " + entry.getKey()).isEqualTo(endOfDay);
				assertThat(old.nextReminder()).as("a reminder was planned for " + entry.getKey()).isNotNull();
				assertThat(now.nextReminder()).as("a reminder is planned for " + entry.getKey()).isNotNull();
				// the ladder is the same, counted back from the new date: it moves by about as much as the date did.
				// Not for a part due within days: a step of its new ladder may already have come (one due on the
				// next working morning, earlier than the old ladder's next step), as the firing rules intend
				Instant soon = Instant.now().plus(offset).plus(Duration.ofDays(4));
				if (old.nextReminder().isAfter(soon) && now.nextReminder().isAfter(soon)) {
					long shift = ChronoUnit.DAYS.between(old.due(), now.due());
					long reminderShift = Duration.between(old.nextReminder(), now.nextReminder()).toDays();
					assertThat(reminderShift).as("the next reminder of " + entry.getKey()).isBetween(shift - 7, shift + 7).isPositive();
				}
			}
			assertThat(movedParts).isEqualTo(dated);

			assertThat(node.logLines()).noneMatch(line -> line.contains("OutOfMemoryError"));
			assertThat(node.stop(Duration.ofSeconds(60))).as("the node stops on SIGTERM").isTrue();
			Result result = new Result(firstSeconds, againSeconds, movedParts, after.size(), heapMb, variables);
			System.out.printf("reimport[%s]: first import %.1f s, re-import moving %d of %d parts %.1f s (%.2f× the first), "
					+ "heap used after it %.0f MB; after the first import: %s%n", name, firstSeconds, movedParts, after.size(), againSeconds,
					result.ratio(), heapMb, variables);
			return result;
		}
	}

	/**
	 * What one run measured: seconds of the first import and of the re-import, parts moved, heap used after, and
	 * Camunda's variable rows right after the first import.
	 */
	public record Result(double firstSeconds, double againSeconds, int movedParts, int parts, double heapMb, Variables variables) {

		public double ratio() {
			return againSeconds / firstSeconds;
		}

	}

	/**
	 * Camunda's variable rows after the first import: runtime variables, their history (one row a variable) and
	 * history details (one row a change, written at history level full only), and the unit parts imported.
	 */
	public record Variables(long runtime, long history, long details, long parts) {

		static Variables count(Connection db) throws SQLException {
			return new Variables(count(db, "SELECT COUNT(*) FROM ACT_RU_VARIABLE"), count(db, "SELECT COUNT(*) FROM ACT_HI_VARINST"),
					count(db, "SELECT COUNT(*) FROM ACT_HI_DETAIL"),
					count(db, "SELECT COUNT(*) FROM directive_unit WHERE role = 'LEAD'"));
		}

		private static long count(Connection db, String sql) throws SQLException {
			try (ResultSet rs = db.createStatement().executeQuery(sql)) {
				rs.next();
				return rs.getLong(1);
			}
		}

		public double runtimePerPart() {
			return (double) runtime / parts;
		}

		public double historyPerPart() {
			return (double) history / parts;
		}

		public double detailsPerPart() {
			return (double) details / parts;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%d parts; Camunda variables per part: %.1f runtime, %.1f history, %.1f history details",
					parts, runtimePerPart(), historyPerPart(), detailsPerPart());
		}

	}

	/**
	 * A lead unit's part as every layer sees it: its directive's due date and its own in dondoc's rows, its
	 * open carryOut task's due date, the overdue timer on that task, the next reminder's wake-up.
	 */
	private record Part(LocalDate directiveDue, LocalDate due, Instant taskDue, Instant timerDue, Instant nextReminder) {
	}

	/** Reminder wake-ups due within the hour (business time, as dondoc keeps them). */
	private static long soonWakeUps(Connection db, Instant businessNow) throws SQLException {
		try (PreparedStatement soon = db.prepareStatement("SELECT COUNT(*) FROM reminder_wake WHERE wake_at < ?")) {
			soon.setTimestamp(1, Timestamp.from(businessNow.plus(Duration.ofHours(1))));
			try (ResultSet rs = soon.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static long unsent(Connection db) throws SQLException {
		try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM notification WHERE state = 'PENDING'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Every lead unit part of the seed, by "section unit". */
	private static Map<String, Part> parts(Connection db) throws SQLException {
		Map<String, Part> parts = new HashMap<>();
		try (ResultSet rs = db.createStatement().executeQuery("""
				SELECT d.section, u.unit_code, d.due_date AS directive_due, u.due_date, t.DUE_DATE_ AS task_due,
				  (SELECT MIN(j.DUEDATE_) FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF jd ON jd.ID_ = j.JOB_DEF_ID_
				   WHERE j.EXECUTION_ID_ = t.EXECUTION_ID_ AND jd.ACT_ID_ = 'carryOutOverdue') AS timer_due,
				  (SELECT w.wake_at FROM reminder_wake w WHERE w.task_id = t.ID_) AS next_fire
				FROM directive d
				JOIN directive_unit u ON u.directive_id = d.id AND u.role = 'LEAD'
				LEFT JOIN ACT_RU_TASK t ON t.ID_ = u.task_id
				WHERE d.document_code = 'KL-HNTU11-KXVI'""")) {
			while (rs.next()) {
				parts.put(rs.getString("section") + " " + rs.getString("unit_code"),
						new Part(day(rs, "directive_due"), day(rs, "due_date"), instant(rs.getTimestamp("task_due")),
								instant(rs.getTimestamp("timer_due")), instant(rs.getTimestamp("next_fire"))));
			}
		}
		return parts;
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static HttpResponse<String> post(NodeProcess node, String path, String document) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", auth())
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofMinutes(6))
			.POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(NodeProcess node, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", auth()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String auth() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
