package vn.dondoc.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation on the embedded default: an H2 file database in a fresh data folder. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false" })
class FoundationOnH2IT extends FoundationChecks {

	@Test
	void quartzKeepsItsTriggersInTheDatabase() throws Exception {
		assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(scheduler.getMetaData().isJobStoreClustered()).isFalse();
	}

	@Override
	String adminPassword() {
		return "admin";
	}

}
