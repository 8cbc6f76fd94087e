package vn.dondoc.reminder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dondoc.platform.Databases;
import vn.dondoc.platform.StartBatch;

/**
 * The {@code reminder_wake} table: when each open task with a reminder ladder next needs the engine (the
 * moment of its next step, or now when one has come), one row per task. {@link ReminderEngine} decides
 * when; this class keeps the row in step, in the caller's transaction, so that a task change and its
 * wake-up commit or roll back together. {@link ReminderPump} takes the due rows. A row without a moment is
 * the sweep's note that the task, at a given revision, has nothing left to send ({@link #settle}).
 * <p>
 * A row being fired is locked by the firing's transaction ({@link #claim}): a task change or completion
 * meanwhile waits for that transaction, then sees what it left.
 */
@Component
class ReminderWakes {

	/** The wake-up of a task just created. */
	private static final String FIRST = "INSERT INTO reminder_wake (task_id, wake_at, attempts) VALUES (?, ?, 0)";

	private final JdbcClient jdbc;

	private final JdbcOperations batch;

	private final Counter scheduled;

	private final String upsert;

	private final boolean postgres;

	ReminderWakes(JdbcClient jdbc, JdbcOperations batch, DataSource dataSource, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.scheduled = Counter.builder("dondoc.reminders.scheduled").description("Reminder wake-ups set or moved").register(meters);
		this.postgres = Databases.isPostgres(dataSource);
		this.upsert = postgres
				? "INSERT INTO reminder_wake (task_id, wake_at, attempts, settled_rev) VALUES (?, ?, 0, NULL) "
						+ "ON CONFLICT (task_id) DO UPDATE SET wake_at = EXCLUDED.wake_at, attempts = 0, settled_rev = NULL"
				: "MERGE INTO reminder_wake (task_id, wake_at, attempts, settled_rev) KEY (task_id) VALUES (?, ?, 0, NULL)";
	}

	/** Leaves the task one wake-up, at the given moment, or none when nothing is planned. */
	void set(String taskId, Instant at) {
		StartBatch.flush();
		if (at == null) {
			remove(taskId);
			return;
		}
		jdbc.sql(upsert).params(taskId, utc(at)).update();
		scheduled.increment();
	}

	/** The wake-up of a task that has none yet (it was just created): one insert. */
	void setFirst(String taskId, Instant at) {
		// a task of a process being started by an import: with the other new tasks', once the start returns
		if (!StartBatch.defer(FIRST, null, taskId, utc(at))) {
			jdbc.sql(FIRST).params(taskId, utc(at)).update();
		}
		scheduled.increment();
	}

	/**
	 * The sweep read the task at this revision and found nothing left to send: it keeps a row without a
	 * moment, so that no sweep (on any node, after any restart) reads it again before it changes. A task
	 * that got a real wake-up meanwhile keeps it.
	 */
	void settle(String taskId, int revision) {
		StartBatch.flush();
		if (jdbc.sql("UPDATE reminder_wake SET settled_rev = ? WHERE task_id = ? AND wake_at IS NULL").params(revision, taskId).update() > 0) {
			return;
		}
		if (postgres) {
			jdbc.sql("INSERT INTO reminder_wake (task_id, wake_at, attempts, settled_rev) VALUES (?, NULL, 0, ?) ON CONFLICT (task_id) DO NOTHING")
				.params(taskId, revision)
				.update();
		}
		else {
			jdbc.sql("INSERT INTO reminder_wake (task_id, wake_at, attempts, settled_rev) SELECT ?, NULL, 0, ? "
					+ "WHERE NOT EXISTS (SELECT 1 FROM reminder_wake WHERE task_id = ?)")
				.params(taskId, revision, taskId)
				.update();
		}
	}

	/** The task needs no more wake-ups (it was closed, or its ladder is done). */
	void remove(String taskId) {
		StartBatch.flush();
		jdbc.sql("DELETE FROM reminder_wake WHERE task_id = ?").param(taskId).update();
	}

	/** When the task's engine next wakes (business time), or empty when nothing is planned. */
	Optional<Instant> wakeAt(String taskId) {
		StartBatch.flush();
		return jdbc.sql("SELECT wake_at FROM reminder_wake WHERE task_id = ? AND wake_at IS NOT NULL")
			.param(taskId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/** Up to {@code limit} tasks due at {@code now}, the earliest first; read without locking. */
	List<String> due(Instant now, int limit) {
		return jdbc.sql("SELECT task_id FROM reminder_wake WHERE wake_at <= ? ORDER BY wake_at, task_id LIMIT ?")
			.params(utc(now), limit)
			.query(String.class)
			.list();
	}

	/**
	 * Takes a due task for the caller's transaction: its row stays locked until that transaction ends, and
	 * another transaction's claim passes over it at once ({@code SKIP LOCKED}) instead of waiting.
	 *
	 * @return {@code false} when the task is not due (any more), or is being fired by another transaction
	 */
	boolean claim(String taskId, Instant now) {
		return !claimAll(List.of(taskId), now).isEmpty();
	}

	/**
	 * As {@link #claim}, for several tasks with one statement: those of them that are due and not being fired
	 * by another transaction, in the order given. No claim waits for a lock, so taking several rows at once
	 * cannot deadlock with another claim.
	 */
	List<String> claimAll(Collection<String> taskIds, Instant now) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		Set<String> claimed = new HashSet<>(jdbc.sql("SELECT task_id FROM reminder_wake WHERE task_id IN (:ids) AND wake_at <= :now "
				+ "FOR UPDATE SKIP LOCKED")
			.param("ids", taskIds)
			.param("now", utc(now))
			.query(String.class)
			.list());
		return taskIds.stream().filter(claimed::contains).distinct().toList();
	}

	/**
	 * As {@link #set} for each task, with one batch of statements: the tasks mapped to a moment wake then, those
	 * mapped to {@code null} lose their wake-up.
	 */
	void setAll(Map<String, Instant> wakeAt) {
		StartBatch.flush();
		List<Object[]> upserts = new ArrayList<>();
		List<Object[]> removals = new ArrayList<>();
		wakeAt.forEach((taskId, at) -> {
			if (at == null) {
				removals.add(new Object[] { taskId });
			}
			else {
				upserts.add(new Object[] { taskId, utc(at) });
			}
		});
		if (!upserts.isEmpty()) {
			batch.batchUpdate(upsert, upserts);
			scheduled.increment(upserts.size());
		}
		if (!removals.isEmpty()) {
			batch.batchUpdate("DELETE FROM reminder_wake WHERE task_id = ?", removals);
		}
	}

	/**
	 * A firing of the task failed (its transaction rolled back): counts the failure.
	 *
	 * @return how many firings of the task have failed in a row, this one included; 0 when the task has no
	 * wake-up any more
	 */
	int failed(String taskId) {
		jdbc.sql("UPDATE reminder_wake SET attempts = attempts + 1 WHERE task_id = ?").param(taskId).update();
		return jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(taskId).query(Integer.class).optional().orElse(0);
	}

	/** Moves the task's wake-up without counting it as set anew (a retry after a failure). */
	void postpone(String taskId, Instant at) {
		jdbc.sql("UPDATE reminder_wake SET wake_at = ? WHERE task_id = ?").params(utc(at), taskId).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
