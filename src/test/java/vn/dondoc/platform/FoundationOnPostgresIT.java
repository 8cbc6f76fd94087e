package vn.dondoc.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation on the production profile: PostgreSQL, clustered Quartz, a real admin password. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.mail.embedded-port=0", "dondoc.admin.password=" + FoundationOnPostgresIT.PASSWORD })
@ActiveProfiles("postgres")
class FoundationOnPostgresIT extends FoundationChecks {

	static final String PASSWORD = "Thu-nghiem-2023!";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.useNewDatabase(registry, "foundation");
	}

	@Test
	void quartzRunsClusteredOnTheDatabase() throws Exception {
		assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_scheduler_state").query(Long.class).single()).isOne();
	}

	@Test
	void aBatchOfInsertsReachesPostgresqlAsMultiRowInserts() throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement table = connection.createStatement()) {
			table.execute("CREATE TEMPORARY TABLE batch_probe (id INT PRIMARY KEY, name VARCHAR(20))");
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_probe (id, name) VALUES (?, ?)")) {
				for (int id = 1; id <= 4; id++) {
					insert.setInt(1, id);
					insert.setString(2, "Đơn vị " + id);
					insert.addBatch();
				}
				// one INSERT of four rows (the driver groups rows by powers of two): it no longer knows each row's count,
				// which Camunda reads for no insert
				assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(4);
			}
			try (ResultSet rows = table.executeQuery("SELECT COUNT(*), MAX(name) FROM batch_probe")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(4);
				assertThat(rows.getString(2)).isEqualTo("Đơn vị 4");
			}
		}
	}

	@Override
	String adminPassword() {
		return PASSWORD;
	}

}
