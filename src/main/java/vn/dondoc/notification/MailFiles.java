package vn.dondoc.notification;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The files of outbox rows ({@code notification_file}, migration 31), by the row's idempotency key. */
class MailFiles {

	private final JdbcClient jdbc;

	MailFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** No files anywhere (a composer without a database, in unit tests). */
	static MailFiles none() {
		return new MailFiles(null);
	}

	void save(String idempotencyKey, MailFile file) {
		jdbc.sql("INSERT INTO notification_file (idempotency_key, file_name, content_type, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
			.params(idempotencyKey, file.name(), file.contentType(), file.content().length, file.content())
			.update();
	}

	List<MailFile> of(String idempotencyKey) {
		if (jdbc == null) {
			return List.of();
		}
		return jdbc.sql("SELECT file_name, content_type, content FROM notification_file WHERE idempotency_key = ? ORDER BY id")
			.param(idempotencyKey)
			.query((rs, n) -> new MailFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.list();
	}

}
