package vn.dondoc.reminder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The firing of several due tasks in one transaction ({@link ReminderEngine#fireAllIfDue}): what they were read
 * with, all at once, and what they write besides the reminder log and the outbox, written together at the
 * end: the Tasklist comments as one engine command, the directive history as one batch, the next wake-ups as
 * one batch. A task fired alone is a firing of one.
 */
final class Firing {

	private static final String HISTORY = "INSERT INTO history_entry (occurred_at, subject, kind, actor, detail) VALUES (?, ?, ?, ?, ?)";

	private final Map<String, TaskSnapshot> tasks;

	private final Map<String, Set<String>> handled;

	private final List<ReminderComment> comments = new ArrayList<>();

	private final List<Object[]> history = new ArrayList<>();

	/** Each task's next wake-up; {@code null} for none. */
	private final Map<String, Instant> wakes = new LinkedHashMap<>();

	Firing(Map<String, TaskSnapshot> tasks, Map<String, Set<String>> handled) {
		this.tasks = tasks;
		this.handled = handled;
	}

	/** The task as read for this firing, or {@code null} when it no longer exists. */
	TaskSnapshot task(String taskId) {
		return tasks.get(taskId);
	}

	/** The steps of this scope handled before the firing. */
	Set<String> handled(String scope) {
		return handled.getOrDefault(scope, Set.of());
	}

	void comment(ReminderComment comment) {
		comments.add(comment);
	}

	void history(Instant at, String subject, String kind, String detail) {
		history.add(new Object[] { at.atOffset(ZoneOffset.UTC), subject, kind, "dondoc", detail });
	}

	/** The task next wakes at this moment, or never ({@code null}). */
	void wake(String taskId, Instant at) {
		wakes.put(taskId, at);
	}

	/** Writes what the firings left for the end, in the caller's transaction. */
	void write(CommandExecutor commands, JdbcOperations jdbc, ReminderWakes reminderWakes) {
		if (!comments.isEmpty()) {
			commands.execute(context -> {
				for (ReminderComment comment : comments) {
					comment.execute(context);
				}
				return null;
			});
		}
		if (!history.isEmpty()) {
			jdbc.batchUpdate(HISTORY, history);
		}
		reminderWakes.setAll(wakes);
	}

}
