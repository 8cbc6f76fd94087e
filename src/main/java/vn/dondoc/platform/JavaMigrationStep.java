package vn.dondoc.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java ({@code migrate}), registered as a Spring bean: its version and
 * description, no checksum (its code is its content), run in Flyway's transaction.
 */
public abstract class JavaMigrationStep implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	protected JavaMigrationStep(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	/**
	 * Whether the database has Camunda's tables yet: on a new database Flyway runs before the engine creates
	 * them, and a migration of running processes has nothing to do.
	 */
	public static boolean hasCamundaTables(Connection connection) throws SQLException {
		try (PreparedStatement tables = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
				+ "WHERE UPPER(TABLE_NAME) = 'ACT_RU_VARIABLE' AND TABLE_SCHEMA = CURRENT_SCHEMA"); ResultSet found = tables.executeQuery()) {
			return found.next() && found.getInt(1) > 0;
		}
	}

}
