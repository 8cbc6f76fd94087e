package vn.dondoc.platform;

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

}
