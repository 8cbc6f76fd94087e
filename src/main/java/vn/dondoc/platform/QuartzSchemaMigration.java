package vn.dondoc.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Creates Quartz's {@code QRTZ_*} tables with the DDL script that ships inside the Quartz jar for the
 * database at hand, as Flyway migration 1, so that Quartz's schema is versioned with dondoc's own and
 * never re-created (the vendor scripts begin by dropping the tables).
 */
@Component
class QuartzSchemaMigration extends JavaMigrationStep {

	private static final String SCRIPT_FOLDER = "org/quartz/impl/jdbcjobstore/";

	QuartzSchemaMigration() {
		super("1", "Quartz JDBC JobStore tables");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		String script = scriptFor(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements(read(script))) {
				statement.execute(sql);
			}
		}
	}

	static String scriptFor(String databaseProduct) {
		String product = databaseProduct.toLowerCase(Locale.ROOT);
		if (product.contains("h2")) {
			return SCRIPT_FOLDER + "tables_h2.sql";
		}
		if (product.contains("postgres")) {
			return SCRIPT_FOLDER + "tables_postgres.sql";
		}
		throw new IllegalStateException("dondoc supports H2 and PostgreSQL; this database is " + databaseProduct);
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = QuartzSchemaMigration.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Quartz DDL script not found on the classpath: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Splits the script into statements, dropping comments and the script's own COMMIT (Flyway commits). */
	static List<String> statements(String script) throws SQLException {
		StringBuilder withoutComments = new StringBuilder();
		for (String line : script.split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.startsWith("--") || trimmed.startsWith("#")) {
				continue;
			}
			withoutComments.append(line).append('\n');
		}
		List<String> statements = new ArrayList<>();
		for (String candidate : withoutComments.toString().split(";")) {
			String sql = candidate.trim();
			if (!sql.isEmpty() && !sql.equalsIgnoreCase("commit")) {
				statements.add(sql);
			}
		}
		return statements;
	}

}
