package vn.dondoc.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


/**
 * A dondoc node as a real separate JVM (the test classpath, so {@link TestClock} applies), for cluster
 * and crash tests: started with its own port and settings, its output kept in {@code target/nodes/},
 * stopped gracefully or killed like a crashed machine.
 */
public final class NodeProcess implements AutoCloseable {

	/** System property: JVM options of the nodes, space-separated, besides the heap size. */
	public static final String JVM_OPTIONS = "node.jvm.options";

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private final CountDownLatch ready = new CountDownLatch(1);

	private NodeProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					out.println(line);
					out.flush();
					if (line.contains("dondoc is ready")) {
						ready.countDown();
					}
				}
			}
			catch (IOException e) {
				// the process ended
			}
		}, "node-" + name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * JVM options of a node: the production heap limit and those of {@link #JVM_OPTIONS}, by default the
	 * quick-starting client compiler only (tests); benchmarks set "" for the JVM as shipped.
	 */
	public static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(List.of("-Xmx512m"));
		for (String option : System.getProperty(JVM_OPTIONS, "-XX:TieredStopAtLevel=1").split(" ")) {
			if (!option.isBlank()) {
				options.add(option);
			}
		}
		return options;
	}

	/** Starts a node with the given Spring properties and waits until it reports ready. */
	public static NodeProcess start(String name, Map<String, String> properties, Duration timeout) throws Exception {
		return start(name, properties, timeout, jvmOptions());
	}

	/** Starts a node with these JVM options (heap, compiler) instead of {@link #jvmOptions()}. */
	public static NodeProcess start(String name, Map<String, String> properties, Duration timeout, List<String> jvmOptions)
			throws Exception {
		int port = freePort();
		Path logs = Path.of("target", "nodes");
		Files.createDirectories(logs);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8",
				"-cp", System.getProperty("java.class.path"), TestNode.class.getName(), "--server.port=" + port,
				// one cluster: the nodes share the scheduler name the test JVM's contexts must not
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=dondoc"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		NodeProcess node = new NodeProcess(name, process, port, logs.resolve(name + ".log"));
		if (!node.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			node.kill();
			throw new IllegalStateException("node " + name + " did not start within " + timeout + "; see target/nodes/" + name + ".log");
		}
		return node;
	}

	/**
	 * Starts several nodes at once, each with the same settings, and waits until all report ready; if one
	 * does not start, the others are stopped again.
	 */
	public static List<NodeProcess> startTogether(List<String> names, Map<String, String> properties, Duration timeout)
			throws Exception {
		// one thread per node: the common pool has a single thread on a two-core machine
		ExecutorService starter = Executors.newFixedThreadPool(names.size());
		List<Future<NodeProcess>> starting = new ArrayList<>();
		for (String name : names) {
			starting.add(starter.submit(() -> start(name, properties, timeout)));
		}
		starter.shutdown();
		List<NodeProcess> nodes = new ArrayList<>();
		Exception failure = null;
		for (Future<NodeProcess> node : starting) {
			try {
				nodes.add(node.get());
			}
			catch (ExecutionException e) {
				failure = e.getCause() instanceof Exception cause ? cause : e;
			}
		}
		if (failure != null) {
			for (NodeProcess node : nodes) {
				node.close();
			}
			throw failure;
		}
		return nodes;
	}

	public String name() {
		return name;
	}

	/** The process id, which dondoc puts into its node name (e.g. in the outbox's {@code claimed_by}). */
	public long pid() {
		return process.pid();
	}

	/** The node's output so far, line by line. */
	public List<String> logLines() throws IOException {
		return Files.readAllLines(log, StandardCharsets.UTF_8);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Ends the JVM at once (SIGKILL): no shutdown hook, no graceful stop. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Stops the node as an operator would (SIGTERM) and waits for it to end.
	 *
	 * @return whether it ended by itself within {@code timeout}; if not, it was killed
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		process.destroy();
		if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return true;
		}
		kill();
		return false;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	@Override
	public String toString() {
		return "node " + name + " on port " + port;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
