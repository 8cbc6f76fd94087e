package vn.dondoc.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuartzSchemaMigrationTest {

	@Test
	void picksTheQuartzScriptOfTheDatabase() {
		assertThat(QuartzSchemaMigration.scriptFor("H2")).endsWith("tables_h2.sql");
		assertThat(QuartzSchemaMigration.scriptFor("PostgreSQL")).endsWith("tables_postgres.sql");
		assertThatThrownBy(() -> QuartzSchemaMigration.scriptFor("MySQL")).hasMessageContaining("MySQL");
	}

	@Test
	void dropsCommentsAndTheScriptsOwnCommit() throws Exception {
		List<String> statements = QuartzSchemaMigration.statements("""
				-- a comment; with a semicolon
				# another comment
				CREATE TABLE A (X INT);
				CREATE TABLE B
				(Y INT);
				commit;
				""");
		assertThat(statements).containsExactly("CREATE TABLE A (X INT)", "CREATE TABLE B\n(Y INT)");
	}

}
