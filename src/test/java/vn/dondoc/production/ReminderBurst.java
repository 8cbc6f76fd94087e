package vn.dondoc.production;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestClock;
import vn.dondoc.support.TestPostgres;

/**
 * The fixture of the fault-tolerance tests: one PostgreSQL database, one SMTP port, and a document of
 * {@code tasks} directives all due on Wednesday 28/6/2023, with the nodes' business clock started a few
 * minutes before 07:30 that morning, when every task's "đúng hạn" (den-han) step falls due at once.
 */
final class ReminderBurst implements AutoCloseable {

	static final String PASSWORD = "Burst-test-2023";

	static final List<String> UNITS = List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh",
			"uy-ban-kiem-tra", "bcsd-ubnd", "dd-hdnd", "dd-mttq", "qu-le-chan", "hu-thuy-nguyen");

	/** 07:30 on the due day, in business time: the instant every den-han step is planned for. */
	static final Instant BURST = LocalDateTime.of(2023, 6, 28, 7, 30).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();

	final int tasks;

	final String url;

	final int smtpPort;

	final Connection db;

	final long offsetMillis;

	private GreenMail smtp;

	/** Everything the SMTP server received, across restarts of the server. */
	private final List<MimeMessage> received = new ArrayList<>();

	ReminderBurst(String name, int tasks, Duration leadTime) throws Exception {
		this.tasks = tasks;
		this.url = TestPostgres.newDatabase(name);
		this.smtpPort = NodeProcess.freePort();
		Properties login = new Properties();
		login.setProperty("user", "postgres");
		login.setProperty("password", "postgres");
		login.setProperty("ApplicationName", "test-probe"); // spared when the outage test drops dondoc's connections
		this.db = DriverManager.getConnection(url, login);
		this.offsetMillis = Duration.between(Instant.now(), BURST.minus(leadTime)).toMillis();
	}

	Map<String, String> settings(String... extra) {
		Map<String, String> settings = new HashMap<>(Map.of("spring.profiles.active", "postgres", "spring.datasource.url", url,
				"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
				"dondoc.admin.password", PASSWORD, "spring.mail.host", "127.0.0.1", "spring.mail.port",
				String.valueOf(smtpPort), "dondoc.notification.poll-interval", "1s", TestClock.OFFSET_PROPERTY,
				String.valueOf(offsetMillis)));
		for (int i = 0; i < extra.length; i += 2) {
			settings.put(extra[i], extra[i + 1]);
		}
		return settings;
	}

	void startSmtp() {
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	void stopSmtp() {
		if (smtp != null) {
			received.addAll(List.of(smtp.getReceivedMessages()));
			smtp.stop();
			smtp = null;
		}
	}

	/**
	 * Every message the SMTP server accepted so far, as Message-IDs (a message sent twice appears twice).
	 * GreenMail keeps one copy per recipient's mailbox: copies are divided by the recipients of the message.
	 */
	List<String> messageIds() throws MessagingException {
		List<MimeMessage> all = new ArrayList<>(received);
		if (smtp != null) {
			all.addAll(List.of(smtp.getReceivedMessages()));
		}
		Map<String, Integer> copies = new LinkedHashMap<>();
		Map<String, Integer> recipients = new HashMap<>();
		for (MimeMessage message : all) {
			copies.merge(message.getMessageID(), 1, Integer::sum);
			recipients.put(message.getMessageID(), message.getAllRecipients().length);
		}
		List<String> ids = new ArrayList<>();
		copies.forEach((id, n) -> {
			for (int i = 0; i < n / recipients.get(id); i++) {
				ids.add(id);
			}
		});
		return ids;
	}

	/** The business time of the nodes now. */
	Instant businessNow() {
		return Instant.now().plusMillis(offsetMillis);
	}

	String document(String code) {
		StringBuilder yaml = new StringBuilder("code: " + code + "\ntitle: Thử chịu lỗi\nissuedOn: 2023-04-13\ndirectives:\n");
		for (int i = 1; i <= tasks; i++) {
			yaml.append("  - { section: \"").append(i).append("\", text: \"Nhiệm vụ thử số ").append(i).append("\", lead: [")
				.append(UNITS.get(i % UNITS.size())).append("], dueDate: 2023-06-28 }\n");
		}
		return yaml.toString();
	}

	HttpResponse<String> importDocument(NodeProcess node, String code) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/documents"))
			.header("Authorization", auth())
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofMinutes(3))
			.POST(HttpRequest.BodyPublishers.ofString(document(code), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(NodeProcess node, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", auth()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	long steps(String step) throws SQLException {
		return count("SELECT COUNT(*) FROM reminder_log WHERE step = '" + step + "' AND state = 'SENT'");
	}

	long count(String sql) throws SQLException {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	/** What the database says, for a failure message. */
	String diagnosis() {
		try {
			return "reminder_log " + rows("SELECT step || ' ' || state || ' ' || COUNT(*) FROM reminder_log GROUP BY step, state")
					+ "; notification " + rows("SELECT kind || ' ' || state || ' ' || COUNT(*) FROM notification GROUP BY kind, state")
					+ "; triggers " + rows("SELECT trigger_state || ' ' || COUNT(*) FROM qrtz_triggers GROUP BY trigger_state")
					+ "; fired " + rows("SELECT instance_name || ' ' || state || ' ' || job_name FROM qrtz_fired_triggers")
					+ "; business now " + businessNow();
		}
		catch (SQLException e) {
			return "no diagnosis: " + e.getMessage();
		}
	}

	private static String auth() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws Exception {
		stopSmtp();
		db.close();
	}

}
