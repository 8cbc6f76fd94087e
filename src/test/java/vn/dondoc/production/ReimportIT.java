package vn.dondoc.production;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.SeedReimport;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: re-importing the seed conclusion with every dated deadline moved once brought a node down (out of
 * memory after minutes). On a node with the production heap (512 MB), on H2 and on PostgreSQL, it must answer,
 * stay healthy, stop on SIGTERM, and move every open part in every layer ({@link SeedReimport}). The times
 * are printed; {@code ReimportBenchmark} reports their ratio against the 1.5× target.
 */
class ReimportIT {

	@TempDir
	Path work;

	@Test
	void reimportingTheSeedWithEveryDeadlineMovedOnH2() throws Exception {
		Path data = work.resolve("data");
		// AUTO_SERVER: the test reads the node's database while the node holds it
		String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/dondoc;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
		SeedReimport.Result result = SeedReimport.run("h2", Map.of("dondoc.data-dir", data.toString(), "spring.datasource.url", url,
				"dondoc.mail.embedded-port", "0"), NodeProcess.jvmOptions(), () -> DriverManager.getConnection(url, "sa", ""));
		assertThat(result.movedParts()).isEqualTo(547);
	}

	@Test
	void reimportingTheSeedWithEveryDeadlineMovedOnPostgres() throws Exception {
		String url = TestPostgres.newDatabase("reimport");
		GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			SeedReimport.Result result = SeedReimport.run("postgres", Map.of("spring.profiles.active", "postgres",
					"spring.datasource.url", url, "spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
					"spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(smtp.getSmtp().getPort())),
					NodeProcess.jvmOptions(), () -> DriverManager.getConnection(url, "postgres", "postgres"));
			assertThat(result.movedParts()).isEqualTo(547);
		}
		finally {
			smtp.stop();
		}
	}

}
