package vn.dondoc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.dondoc.notification.EmbeddedSmtpServer;
import vn.dondoc.security.AdminSettings;

/**
 * Says in plain words, once dondoc is ready, where everything is: the URLs, the login, the database and
 * where mail goes.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final AdminSettings admin;

	private final DataSource dataSource;

	private final ObjectProvider<EmbeddedSmtpServer> embeddedSmtp;

	StartupReport(Environment environment, AdminSettings admin, DataSource dataSource,
			ObjectProvider<EmbeddedSmtpServer> embeddedSmtp) {
		this.environment = environment;
		this.admin = admin;
		this.dataSource = dataSource;
		this.embeddedSmtp = embeddedSmtp;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
				? web.getWebServer().getPort() : environment.getProperty("server.port", Integer.class, 8080);
		String base = "http://localhost:" + port;
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("dondoc is ready.");
		lines.add("  Dashboard (theo dõi, đôn đốc):               " + base + "/");
		lines.add("  Camunda webapps (Cockpit, Tasklist, Admin): " + base + "/camunda/app/");
		lines.add("  dondoc REST API (HTTP Basic):               " + base + "/api");
		lines.add("  Camunda REST API (HTTP Basic):              " + base + "/engine-rest");
		lines.add("  API documentation:                          " + base + "/swagger-ui.html");
		lines.add("  Health:                                     " + base + "/actuator/health");
		lines.add("  Login: " + admin.username()
				+ (admin.usesDevDefault() ? " / admin  (development default: set dondoc.admin.password)" : " / (dondoc.admin.password)"));
		lines.add("  Database: " + describeDatabase());
		lines.add("  Mail: " + describeMail(environment.getProperty("dondoc.base-url", base)));
		lines.add("  Settings: config/application.yml (" + Path.of("config", "application.yml").toAbsolutePath() + ")");
		log.info(String.join(System.lineSeparator(), lines));
	}

	private String describeDatabase() {
		try (Connection connection = dataSource.getConnection()) {
			String url = connection.getMetaData().getURL();
			if (url.startsWith("jdbc:h2:file:")) {
				String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
				return "H2 file " + Path.of(file + ".mv.db").toAbsolutePath().normalize() + " (" + url + ")";
			}
			return connection.getMetaData().getDatabaseProductName() + " " + url;
		}
		catch (SQLException e) {
			return "unreachable (" + e.getMessage() + ")";
		}
	}

	private String describeMail(String base) {
		EmbeddedSmtpServer smtp = embeddedSmtp.getIfAvailable();
		String from = environment.getProperty("dondoc.mail.from", "dondoc@localhost");
		if (smtp != null) {
			return "embedded SMTP server on 127.0.0.1:" + smtp.port() + " (no spring.mail.host set), received mail at "
					+ base + "/mailbox; from " + from;
		}
		return "SMTP relay " + environment.getProperty("spring.mail.host") + ":"
				+ environment.getProperty("spring.mail.port", "25") + ", from " + from;
	}

}
