package vn.dondoc.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * The start of new process instances by dondoc (the new directives of an imported document), during which the
 * rows that dondoc keeps for each of their new tasks are written in batches, once the starts have returned, instead of
 * one statement per task as each task is created (issue 18: a directive of 26 units wrote 26 times the same
 * two or three statements, each parsed and sent on its own).
 * <p>
 * While a start runs on this thread ({@link #active()}), a task listener may {@link #defer} a statement:
 * statements of the same text are sent as one JDBC batch when the start returns, in the order they were first
 * deferred, in the caller's transaction, before anything else reads those rows. An action that must run once
 * per key after them (a directive summed up once, however many of its parts changed) is {@link #once}. Any
 * other write to the same tables on this thread first sends what is deferred ({@link #flush}), so statements
 * keep their order. The tasks created meanwhile belong to instances that did not exist before the start:
 * nothing was ever recorded about them.
 * <p>
 * Outside a start nothing is deferred: {@link #defer} answers {@code false} and the caller writes at once.
 */
public final class StartBatch {

	private static final ThreadLocal<StartBatch> CURRENT = new ThreadLocal<>();

	private final JdbcOperations jdbc;

	private final Map<String, List<Deferred>> statements = new LinkedHashMap<>();

	private final Map<String, Runnable> afterwards = new LinkedHashMap<>();

	private final Set<String> done = new LinkedHashSet<>();

	private record Deferred(Object[] params, IntConsumer onCount) {
	}

	private StartBatch(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs the start of new process instances, then sends the statements deferred meanwhile. When the start
	 * fails, nothing deferred is sent (the caller's transaction rolls back).
	 */
	public static <T> T run(JdbcOperations jdbc, Supplier<T> start) {
		if (CURRENT.get() != null) {
			throw new IllegalStateException("a process start is already batching on this thread");
		}
		StartBatch batch = new StartBatch(jdbc);
		CURRENT.set(batch);
		try {
			T result = start.get();
			batch.send();
			return result;
		}
		finally {
			CURRENT.remove();
		}
	}

	/** Whether a new process instance is being started on this thread, its tasks' rows batched. */
	public static boolean active() {
		return CURRENT.get() != null;
	}

	/**
	 * Defers a statement to the end of the start; {@code onCount}, if given, is told how many rows it changed.
	 *
	 * @return {@code false} when no start is running: the caller runs the statement itself
	 */
	public static boolean defer(String sql, IntConsumer onCount, Object... params) {
		StartBatch batch = CURRENT.get();
		if (batch == null) {
			return false;
		}
		batch.statements.computeIfAbsent(sql, text -> new ArrayList<>()).add(new Deferred(params, onCount));
		return true;
	}

	/**
	 * Runs {@code action} once for this key after the deferred statements, or at once when no start is running.
	 * Meant for a callback of {@link #defer}.
	 */
	public static void once(String key, Runnable action) {
		StartBatch batch = CURRENT.get();
		if (batch == null) {
			action.run();
		}
		else if (batch.done.add(key)) {
			batch.afterwards.put(key, action);
		}
	}

	/** Sends what is deferred now, so that a write that is not deferred comes after it. */
	public static void flush() {
		StartBatch batch = CURRENT.get();
		if (batch != null) {
			batch.send();
		}
	}

	private void send() {
		while (!statements.isEmpty() || !afterwards.isEmpty()) {
			if (!statements.isEmpty()) {
				Map<String, List<Deferred>> now = new LinkedHashMap<>(statements);
				statements.clear();
				for (Map.Entry<String, List<Deferred>> group : now.entrySet()) {
					List<Deferred> deferred = group.getValue();
					int[] counts = jdbc.batchUpdate(group.getKey(), deferred.stream().map(Deferred::params).toList());
					for (int i = 0; i < deferred.size(); i++) {
						if (deferred.get(i).onCount() != null) {
							deferred.get(i).onCount().accept(i < counts.length ? counts[i] : 0);
						}
					}
				}
				continue;
			}
			List<Runnable> now = new ArrayList<>(afterwards.values());
			afterwards.clear();
			now.forEach(Runnable::run);
		}
		done.clear();
	}

}
