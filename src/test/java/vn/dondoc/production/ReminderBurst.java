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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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

	/** The same, per recipient's mailbox. */
	private final Map<Delivery, Integer> delivered = new HashMap<>();

	/** One message (by its Message-ID) in one recipient's mailbox. */
	record Delivery(String recipient, String messageId) {
	}

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

	void stopSmtp() throws MessagingException {
		if (smtp != null) {
			received.addAll(List.of(smtp.getReceivedMessages()));
			delivered.putAll(deliveries());
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

	/**
	 * How often each recipient received each message so far: 1 is once, 2 is a repeat. GreenMail stores one
	 * copy in the mailbox of every envelope recipient (To and Cc).
	 */
	Map<Delivery, Integer> deliveries() throws MessagingException {
		Map<Delivery, Integer> deliveries = new HashMap<>(delivered);
		if (smtp != null) {
			for (GreenMailUser user : smtp.getUserManager().listUser()) {
				List<StoredMessage> inbox;
				try {
					inbox = smtp.getManagers().getImapHostManager().getInbox(user).getMessages();
				}
				catch (FolderException e) {
					throw new MessagingException("no inbox for " + user.getEmail(), e);
				}
				for (StoredMessage message : inbox) {
					String recipient = user.getEmail().toLowerCase(Locale.ROOT);
					deliveries.merge(new Delivery(recipient, message.getMimeMessage().getMessageID()), 1, Integer::sum);
				}
			}
		}
		return deliveries;
	}

	/** The deliveries the outbox asks for: every To and Cc address of every row that matches {@code where}. */
	Set<Delivery> expectedDeliveries(String where) throws SQLException {
		Set<Delivery> expected = new HashSet<>();
		try (ResultSet rs = db.createStatement()
			.executeQuery("SELECT message_id, recipients, copy_recipients FROM notification WHERE " + where)) {
			while (rs.next()) {
				for (String column : List.of("recipients", "copy_recipients")) {
					for (String address : rs.getString(column).split("\n")) {
						if (!address.isBlank()) {
							expected.add(new Delivery(mailbox(address), rs.getString("message_id")));
						}
					}
				}
			}
		}
		return expected;
	}

	private static String mailbox(String address) {
		try {
			return new InternetAddress(address).getAddress().toLowerCase(Locale.ROOT);
		}
		catch (AddressException e) {
			throw new IllegalStateException("not an address in the outbox: " + address, e);
		}
	}

	/** The business time of the nodes now. */
	Instant businessNow() {
		return Instant.now().plusMillis(offsetMillis);
	}

	String document(String code) {
		return document(code, 1, tasks);
	}

	/** A document with the directives {@code first} to {@code last} of the burst (1-based, inclusive). */
	String document(String code, int first, int last) {
		StringBuilder yaml = new StringBuilder("code: " + code + "\ntitle: Thử chịu lỗi\nissuedOn: 2023-04-13\ndirectives:\n");
		for (int i = first; i <= last; i++) {
			yaml.append("  - { section: \"").append(i).append("\", text: \"Nhiệm vụ thử số ").append(i).append("\", lead: [")
				.append(UNITS.get(i % UNITS.size())).append("], dueDate: 2023-06-28 }\n");
		}
		return yaml.toString();
	}

	HttpResponse<String> importDocument(NodeProcess node, String code) throws Exception {
		return post(node, document(code));
	}

	/**
	 * Imports the burst's tasks through {@code POST /api/documents} as documents of at most
	 * {@code perDocument} directives ({@code code-1}, {@code code-2}, …), the nodes taking turns, each node
	 * one document at a time; fails unless every document is imported.
	 */
	void importInParts(List<NodeProcess> nodes, String code, int perDocument) throws Exception {
		int parts = (tasks + perDocument - 1) / perDocument;
		AtomicInteger next = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (NodeProcess node : nodes) {
				running.add(clients.submit(() -> {
					for (int part = next.getAndIncrement(); part < parts; part = next.getAndIncrement()) {
						String document = document(code + "-" + (part + 1), part * perDocument + 1,
								Math.min(tasks, (part + 1) * perDocument));
						HttpResponse<String> response = post(node, document);
						if (response.statusCode() != 201) {
							throw new IllegalStateException(node + " refused " + code + "-" + (part + 1) + ": "
									+ response.statusCode() + " " + response.body());
						}
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	private HttpResponse<String> post(NodeProcess node, String document) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/documents"))
			.header("Authorization", auth())
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A counter of a node from {@code /actuator/prometheus} (e.g. {@code dondoc_reminders_wakeups_total}), 0 if absent. */
	double metric(NodeProcess node, String name) throws Exception {
		String text = get(node, "/actuator/prometheus").body();
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
		return m.find() ? Double.parseDouble(m.group(2)) : 0;
	}

	HttpResponse<String> get(NodeProcess node, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", auth()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	long steps(String step) throws SQLException {
		return count("SELECT COUNT(*) FROM reminder_log WHERE step = '" + step + "' AND state = 'SENT'");
	}

	/** The reminder wake-ups set after the burst's moment (07:30 on 28/6), as one per open task is once it is out. */
	long wakeUpsAfterTheBurst() throws SQLException {
		return count("SELECT COUNT(*) FROM reminder_wake WHERE wake_at > TIMESTAMP WITH TIME ZONE '" + BURST + "'");
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
					+ "; wake-ups " + rows("SELECT COUNT(*) || ' after ' || attempts || ' failures, from ' || MIN(wake_at) || ' to ' "
							+ "|| MAX(wake_at) FROM reminder_wake GROUP BY attempts")
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
