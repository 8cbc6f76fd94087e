package vn.dondoc.platform;

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

	@Override
	String adminPassword() {
		return PASSWORD;
	}

}
