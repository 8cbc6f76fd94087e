package vn.dondoc.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.platform.JavaMigrationStep;

/**
 * Flyway migration 35 (issue 18): the reminder jobs and triggers that Quartz kept per open task (group
 * {@value #GROUP}, job name = task id) become rows of {@code reminder_wake} (migration 34), at the moment
 * their trigger was to fire, and leave Quartz's tables. A job whose trigger was in use or missing wakes at
 * once: the engine works out from the task's plan and log what is due, and sends nothing twice.
 */
@Component
public class ReminderWakeMigration extends JavaMigrationStep {

	private static final Logger log = LoggerFactory.getLogger(ReminderWakeMigration.class);

	/** The Quartz group every reminder job and trigger had. */
	static final String GROUP = "reminder";

	public ReminderWakeMigration() {
		super("35", "reminder triggers to reminder_wake");
	}

	@Override
	public void migrate(Context context) throws Exception {
		int moved = moveReminderTriggers(context.getConnection(), Instant.now());
		log.info("Migration 35: {} open task(s) moved from Quartz's reminder triggers to reminder_wake", moved);
	}

	/** Moves every reminder job of Quartz's tables to {@code reminder_wake}; returns how many. */
	public static int moveReminderTriggers(Connection connection, Instant now) throws Exception {
		Map<String, Instant> wakes = new LinkedHashMap<>();
		try (PreparedStatement jobs = connection.prepareStatement("SELECT j.JOB_NAME, (SELECT MIN(t.NEXT_FIRE_TIME) FROM "
				+ "QRTZ_TRIGGERS t WHERE t.SCHED_NAME = j.SCHED_NAME AND t.JOB_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP "
				+ "AND t.NEXT_FIRE_TIME > 0 AND t.TRIGGER_STATE <> 'COMPLETE') FROM QRTZ_JOB_DETAILS j WHERE j.JOB_GROUP = ?")) {
			jobs.setString(1, GROUP);
			try (ResultSet rs = jobs.executeQuery()) {
				while (rs.next()) {
					long next = rs.getLong(2);
					Instant at = rs.wasNull() ? now : Instant.ofEpochMilli(next);
					wakes.merge(rs.getString(1), at,
							(a, b) -> a.isBefore(b) ? a : b);
				}
			}
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO reminder_wake (task_id, wake_at, attempts) VALUES (?, ?, 0)")) {
			for (Map.Entry<String, Instant> wake : wakes.entrySet()) {
				insert.setString(1, wake.getKey());
				insert.setObject(2, OffsetDateTime.ofInstant(wake.getValue(), ZoneOffset.UTC));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		for (String sql : List.of("DELETE FROM QRTZ_FIRED_TRIGGERS WHERE JOB_GROUP = ?",
				"DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_SIMPROP_TRIGGERS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_BLOB_TRIGGERS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_PAUSED_TRIGGER_GRPS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = ?",
				"DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = ?")) {
			try (PreparedStatement delete = connection.prepareStatement(sql)) {
				delete.setString(1, GROUP);
				delete.executeUpdate();
			}
		}
		return wakes.size();
	}

}
