package vn.dondoc.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import vn.dondoc.platform.Databases;

/**
 * The {@code notification} table. Every change of state is one guarded {@code UPDATE} that says which
 * state (and which lease) it expects, so two nodes can never both move the same row.
 */
class Outbox {

	private static final String COLUMNS = "id, idempotency_key, kind, directive_id, lead_unit_code, task_id, recipients, "
			+ "copy_recipients, subject, payload, message_id, state, attempts, created_at, next_attempt_at, claimed_by, "
			+ "claimed_until, sent_at, last_error, digest_id";

	private final JdbcClient jdbc;

	private final String insertIfAbsent;

	Outbox(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.insertIfAbsent = insertStatement(Databases.isPostgres(dataSource));
	}

	/** A new row, as {@link #insertIfAbsent} writes it. */
	record NewRow(String idempotencyKey, String kind, String directiveId, String leadUnitCode, String taskId,
			List<String> to, List<String> cc, String subject, String payload, String messageId, DeliveryState state,
			Instant now, String lastError) {
	}

	/**
	 * The insert checks first that the key is not there, so a repeated key writes nothing and raises
	 * nothing: on PostgreSQL a failed statement would abort the caller's whole transaction. The unique
	 * constraint stays the last word; on PostgreSQL {@code ON CONFLICT DO NOTHING} also absorbs the race
	 * of two transactions inserting the same new key at once.
	 */
	private static String insertStatement(boolean postgres) {
		String sql = """
				INSERT INTO notification (idempotency_key, kind, directive_id, lead_unit_code, task_id, recipients,
				    copy_recipients, subject, payload, message_id, state, attempts, created_at, next_attempt_at, last_error)
				SELECT CAST(:key AS VARCHAR(300)), CAST(:kind AS VARCHAR(30)), CAST(:directive AS VARCHAR(200)),
				    CAST(:unit AS VARCHAR(100)), CAST(:task AS VARCHAR(64)), CAST(:to AS VARCHAR(4000)),
				    CAST(:cc AS VARCHAR(4000)), CAST(:subject AS VARCHAR(400)), CAST(:payload AS VARCHAR(200000)),
				    CAST(:messageId AS VARCHAR(300)), CAST(:state AS VARCHAR(20)), 0,
				    CAST(:now AS TIMESTAMP WITH TIME ZONE), CAST(:now AS TIMESTAMP WITH TIME ZONE),
				    CAST(:error AS VARCHAR(2000))
				WHERE NOT EXISTS (SELECT 1 FROM notification WHERE idempotency_key = :key)""";
		return postgres ? sql + " ON CONFLICT (idempotency_key) DO NOTHING" : sql;
	}

	/** Writes the row unless its key is there already; {@code true} when it was written. */
	boolean insertIfAbsent(NewRow row) {
		return jdbc.sql(insertIfAbsent)
			.param("key", row.idempotencyKey())
			.param("kind", row.kind())
			.param("directive", row.directiveId())
			.param("unit", row.leadUnitCode())
			.param("task", row.taskId())
			.param("to", lines(row.to()))
			.param("cc", lines(row.cc()))
			.param("subject", row.subject())
			.param("payload", row.payload())
			.param("messageId", row.messageId())
			.param("state", row.state().name())
			.param("now", timestamp(row.now()))
			.param("error", row.lastError())
			.update() == 1;
	}

	Optional<OutboxRow> find(String idempotencyKey) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(Outbox::row)
			.optional();
	}

	/** Rows due for an attempt and not held by a live lease, oldest first. */
	List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM notification
				WHERE state = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
				ORDER BY next_attempt_at, id
				LIMIT :limit""")
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes the lease on these rows for a dispatch run, in one statement. The condition is checked again on
	 * each row as the update locks it (PostgreSQL and H2 both do), so of two nodes racing for a row exactly
	 * one wins; a row another run won is simply not this run's.
	 *
	 * @return how many rows this run now holds
	 */
	int claim(List<Long> ids, String token, Instant now, Instant until) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				UPDATE notification SET claimed_by = :token, claimed_until = :until
				WHERE id IN (:ids) AND state = 'PENDING' AND next_attempt_at <= :now
				  AND (claimed_until IS NULL OR claimed_until < :now)""")
			.param("token", token)
			.param("until", timestamp(until))
			.param("ids", ids)
			.param("now", timestamp(now))
			.update();
	}

	List<OutboxRow> claimedBy(String token) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE claimed_by = :token AND state = 'PENDING' ORDER BY id")
			.param("token", token)
			.query(Outbox::row)
			.list();
	}

	/**
	 * Renews the lease of a run on the rows it still holds and returns their ids. A row whose lease ran out
	 * and that another run took over (and may have sent already) is no longer held: its {@code claimed_by}
	 * names the other run, or nobody once it is settled. After the renewal nobody else can take a held row
	 * until {@code until}.
	 */
	Set<Long> renew(String token, Instant until) {
		jdbc.sql("UPDATE notification SET claimed_until = :until WHERE claimed_by = :token AND state = 'PENDING'")
			.param("until", timestamp(until))
			.param("token", token)
			.update();
		return new HashSet<>(jdbc.sql("SELECT id FROM notification WHERE claimed_by = :token AND state = 'PENDING'")
			.param("token", token)
			.query(Long.class)
			.list());
	}

	/**
	 * Records the delivery. Guarded by the state only, not the lease: the server has the message, so
	 * that is the truth to record even when this run's lease ran out meanwhile. {@code false} means
	 * another node had settled the row already, i.e. it was delivered twice. The row keeps who it went to,
	 * its subject, its message id and when, not the request it was rendered from: nothing reads a sent
	 * row's payload, and it was most of the table (the directive's text in every reminder; issue 18).
	 */
	boolean markSent(long id, Instant sentAt) {
		return jdbc.sql("""
				UPDATE notification SET state = 'SENT', sent_at = :sentAt, attempts = attempts + 1, last_error = NULL,
				    claimed_by = NULL, claimed_until = NULL, payload = ''
				WHERE id = :id AND state = 'PENDING'""")
			.param("sentAt", timestamp(sentAt))
			.param("id", id)
			.update() == 1;
	}

	/** A transient failure: try again at {@code next}; guarded by this run's lease. */
	boolean scheduleRetry(long id, String token, Instant next, String error) {
		return jdbc.sql("""
				UPDATE notification SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = :id AND state = 'PENDING' AND claimed_by = :token""")
			.param("next", timestamp(next))
			.param("error", truncate(error))
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/**
	 * Gives the row up; guarded by this run's lease. {@code countsAsAttempt} is false when nothing was
	 * sent (the message could not even be addressed).
	 */
	boolean markDead(long id, String token, String error, boolean countsAsAttempt) {
		return jdbc.sql("""
				UPDATE notification SET state = 'DEAD', attempts = attempts + :attempt, last_error = :error,
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = :id AND state = 'PENDING' AND claimed_by = :token""")
			.param("attempt", countsAsAttempt ? 1 : 0)
			.param("error", truncate(error))
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/** Reminders waiting for a digest, oldest first. */
	List<OutboxRow> waitingForDigest() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE state = 'DIGEST_WAIT' ORDER BY created_at, id")
			.query(Outbox::row)
			.list();
	}

	/**
	 * Releases the leases of earlier runs of this node (claimed by {@code identityPrefix…}, not by this run's
	 * {@code ownPrefix…}): their messages are due again at once.
	 *
	 * @return how many were released
	 */
	int releaseLeases(String identityPrefix, String ownPrefix) {
		return jdbc.sql("""
				UPDATE notification SET claimed_by = NULL, claimed_until = NULL
				WHERE state = 'PENDING' AND claimed_by LIKE :identity AND claimed_by NOT LIKE :own""")
			.param("identity", like(identityPrefix))
			.param("own", like(ownPrefix))
			.update();
	}

	private static String like(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Turns every reminder waiting for a digest into an ordinary pending message; returns how many. */
	int releaseDigestWaiting(Instant now) {
		return jdbc.sql("UPDATE notification SET state = 'PENDING', next_attempt_at = :now WHERE state = 'DIGEST_WAIT'")
			.param("now", timestamp(now))
			.update();
	}

	/** Moves the given waiting reminders into a digest row; returns how many moved. */
	int attachToDigest(List<Long> ids, long digestId) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE notification SET state = 'DIGESTED', digest_id = :digest WHERE id IN (:ids) AND state = 'DIGEST_WAIT'")
			.param("digest", digestId)
			.param("ids", ids)
			.update();
	}

	/** A page of rows, newest first, each with the digest that carried it (if any). */
	List<Listed> list(String directiveId, int page, int size) {
		String where = directiveId == null ? "" : "WHERE n.directive_id = :directive ";
		StatementSpec query = jdbc.sql("""
				SELECT n.id, n.idempotency_key, n.kind, n.directive_id, n.lead_unit_code, n.task_id, n.recipients,
				    n.copy_recipients, n.subject, n.state, n.attempts, n.created_at, n.next_attempt_at, n.sent_at,
				    n.last_error, n.message_id, n.digest_id, d.state AS digest_state, d.sent_at AS digest_sent_at,
				    d.attempts AS digest_attempts, d.last_error AS digest_error
				FROM notification n LEFT JOIN notification d ON d.id = n.digest_id
				""" + where + "ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset");
		if (directiveId != null) {
			query = query.param("directive", directiveId);
		}
		return query.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
					rs.getString("directive_id"), rs.getString("lead_unit_code"), rs.getString("task_id"),
					split(rs.getString("recipients")), split(rs.getString("copy_recipients")), rs.getString("subject"),
					DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
					instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"),
					rs.getString("message_id"), rs.getObject("digest_id", Long.class),
					rs.getString("digest_state") == null ? null : DeliveryState.valueOf(rs.getString("digest_state")),
					instant(rs, "digest_sent_at"), rs.getInt("digest_attempts"), rs.getString("digest_error")))
			.list();
	}

	long count(String directiveId) {
		if (directiveId == null) {
			return jdbc.sql("SELECT COUNT(*) FROM notification").query(Long.class).single();
		}
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE directive_id = :directive")
			.param("directive", directiveId)
			.query(Long.class)
			.single();
	}

	/** A row as the API lists it, with its digest's delivery where a digest carried it. */
	record Listed(long id, String idempotencyKey, String kind, String directiveId, String leadUnitCode, String taskId,
			List<String> to, List<String> cc, String subject, DeliveryState state, int attempts, Instant createdAt,
			Instant nextAttemptAt, Instant sentAt, String lastError, String messageId, Long digestId,
			DeliveryState digestState, Instant digestSentAt, int digestAttempts, String digestError) {
	}

	private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
		return new OutboxRow(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
				rs.getString("directive_id"), rs.getString("lead_unit_code"), rs.getString("task_id"),
				split(rs.getString("recipients")), split(rs.getString("copy_recipients")), rs.getString("subject"),
				rs.getString("payload"), rs.getString("message_id"), DeliveryState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
				rs.getString("claimed_by"), instant(rs, "claimed_until"), instant(rs, "sent_at"),
				rs.getString("last_error"), rs.getObject("digest_id", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** Timestamps are written in UTC; the database keeps the instant. */
	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** Addresses are stored one per line (a display name may hold a comma, never a line break). */
	private static String lines(List<String> values) {
		return String.join("\n", values);
	}

	private static List<String> split(String lines) {
		return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
	}

}
