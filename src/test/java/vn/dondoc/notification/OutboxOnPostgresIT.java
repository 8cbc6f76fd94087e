package vn.dondoc.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.dondoc.support.TestPostgres;

/**
 * The outbox on the production database: PostgreSQL, where a failing statement aborts the caller's
 * transaction and concurrent updates wait for each other's row locks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.mail.embedded-port=0", "dondoc.admin.password=Thu-nghiem-2023!",
				"dondoc.notification.poll-interval=0", "dondoc.notification.retry-initial=100ms" })
@ActiveProfiles("postgres")
class OutboxOnPostgresIT extends OutboxChecks {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.useNewDatabase(registry, "notification");
	}

}
