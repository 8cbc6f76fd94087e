package vn.dondoc.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dondoc.support.NodeProcess;

import static org.awaitility.Awaitility.await;

/**
 * Response times of the pages and API calls a tracking office uses all day, one client at a time (no
 * concurrency), each after a warm-up: a filtered page of {@code /api/directives} (by unit and status, by
 * status, by document), its unfiltered first page, one directive through the API, the dashboard's overview,
 * its filtered list, and a directive's page. The admin calls the API with HTTP Basic and the dashboard with
 * a session from the login form. Requests rotate over units, statuses, documents and directive ids taken
 * from the database, so no two consecutive requests ask the same.
 */
final class ScaleProbe {

	static final List<String> UNITS = List.of("ban-to-chuc", "ban-tuyen-giao", "qu-le-chan", "hu-thuy-nguyen", "dd-mttq",
			"bcsd-ubnd", "uy-ban-kiem-tra", "du-cong-an");

	static final List<String> STATUSES = List.of("overdue", "due_soon", "on_track");

	/** jcmd of the JDK running the benchmark (the node runs on the same one). */
	private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

	private static final ObjectMapper JSON = new ObjectMapper();

	private ScaleProbe() {
	}

	/** How long one kind of request took. */
	record Timing(String what, String example, int requests, double p50, double p95, double max, long bytes) {
	}

	/** Warm-up and measured requests per kind: at most so many, and no longer than so long. */
	record Budget(int warmups, Duration warmupTime, int requests, Duration time) {
	}

	/** One kind of request: its name and the path of its i-th call. */
	record Probe(String what, boolean dashboard, IntFunction<String> path) {
	}

	static List<Probe> probes(Connection db) throws Exception {
		List<String> documents = column(db, "SELECT code FROM document ORDER BY md5(code) LIMIT 200");
		List<String> ids = column(db, "SELECT id::text FROM directive ORDER BY md5(id::text) LIMIT 1000");
		return List.of(
				new Probe("/api/directives, filtered by unit and status (page of 50)", false,
						i -> "/api/directives?unit=" + UNITS.get(i % UNITS.size()) + "&status=" + STATUSES.get(i / UNITS.size() % STATUSES.size())),
				new Probe("/api/directives, filtered by status (page of 50)", false,
						i -> "/api/directives?status=" + STATUSES.get(i % STATUSES.size())),
				new Probe("/api/directives, filtered by document", false,
						i -> "/api/directives?document=" + encode(documents.get(i % documents.size()))),
				new Probe("/api/directives, first page, no filter (page of 50)", false, i -> "/api/directives"),
				new Probe("/api/directives/{id}", false, i -> "/api/directives/" + ids.get(i % ids.size())),
				new Probe("dashboard overview /", true, i -> "/"),
				new Probe("dashboard list /directives, filtered by unit and status", true,
						i -> "/directives?unit=" + UNITS.get(i % UNITS.size()) + "&status=" + STATUSES.get(i / UNITS.size() % STATUSES.size())),
				new Probe("directive page /directives/{id}", true, i -> "/directives/" + ids.get((i * 7 + 3) % ids.size())));
	}

	static List<Timing> run(NodeProcess node, Connection db, Budget budget) throws Exception {
		HttpClient session = login(node);
		List<Timing> timings = new ArrayList<>();
		for (Probe probe : probes(db)) {
			HttpClient client = probe.dashboard ? session : Bench.HTTP;
			int i = 0;
			long until = System.nanoTime() + budget.warmupTime().toNanos();
			for (int w = 0; w < budget.warmups() && System.nanoTime() < until; w++) {
				get(client, node, probe, probe.path.apply(i++));
			}
			List<Double> millis = new ArrayList<>();
			long bytes = 0;
			until = System.nanoTime() + budget.time().toNanos();
			while (millis.size() < budget.requests() && (millis.size() < 3 || System.nanoTime() < until)) {
				long start = System.nanoTime();
				bytes = get(client, node, probe, probe.path.apply(i++)).length;
				millis.add((System.nanoTime() - start) / 1e6);
			}
			timings.add(new Timing(probe.what, probe.path.apply(0), millis.size(), Bench.percentile(millis, 50),
					Bench.percentile(millis, 95), millis.stream().mapToDouble(Double::doubleValue).max().orElse(0), bytes));
		}
		return timings;
	}

	private static byte[] get(HttpClient client, NodeProcess node, Probe probe, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofMinutes(3));
		if (!probe.dashboard) {
			request.header("Authorization", Bench.basicAuth());
		}
		HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body();
	}

	/** What one run of the reminder sweep found and did, as the node logged it. */
	record Sweep(int withoutWakeUp, int read, int restored, int failed, long millis) {
	}

	private static final Pattern SWEEP = Pattern.compile("Reminder sweep: (\\d+) open task\\(s\\) without a reminder wake-up, "
			+ "(\\d+) of them read .*?, (\\d+) given a wake-up again, (\\d+) failed, in (\\d+) ms");

	/**
	 * Runs the reminder sweep on the node now, through the actuator's Quartz endpoint (the job the node
	 * schedules every {@code dondoc.reminder.sweep-interval}), and reads what it logged.
	 */
	static Sweep sweep(NodeProcess node) throws Exception {
		long before = sweepLines(node).size();
		HttpResponse<String> answer = Bench.HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
				+ "/actuator/quartz/jobs/dondoc/reminder-sweep"))
			.header("Authorization", Bench.basicAuth())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"running\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("the sweep could not be started: " + answer.statusCode() + " " + answer.body());
		}
		await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> sweepLines(node).size() > before);
		List<String> lines = sweepLines(node);
		Matcher m = SWEEP.matcher(lines.get(lines.size() - 1));
		if (!m.find()) {
			throw new IllegalStateException("unexpected sweep line: " + lines.get(lines.size() - 1));
		}
		return new Sweep(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
				Integer.parseInt(m.group(4)), Long.parseLong(m.group(5)));
	}

	private static List<String> sweepLines(NodeProcess node) throws IOException {
		return node.logLines().stream().filter(line -> SWEEP.matcher(line).find()).toList();
	}

	/** A client holding the admin's dashboard session (login form, CSRF token). */
	static HttpClient login(NodeProcess node) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
		String page = client.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=" + encode(Bench.PASSWORD) + "&_csrf=" + encode(token.group(1));
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("dashboard login failed: " + answer.statusCode() + " " + location);
		}
		return client;
	}

	/** Heap in use after a full collection ({@code jcmd GC.run}, then the heap pools from the actuator), in MB. */
	static double heapAfterGc(NodeProcess node) throws Exception {
		Process jcmd = new ProcessBuilder(JCMD, String.valueOf(node.pid()), "GC.run").redirectErrorStream(true).start();
		jcmd.getInputStream().readAllBytes();
		if (jcmd.waitFor() != 0) {
			throw new IllegalStateException("jcmd GC.run failed");
		}
		String metric = Bench.call(node, "GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", null).body();
		return JSON.readTree(metric).get("measurements").get(0).get("value").asDouble() / (1024 * 1024);
	}

	static List<String> column(Connection db, String query) throws Exception {
		List<String> values = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(query)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	static long count(Connection db, String query) throws Exception {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
