package vn.dondoc.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * One running dondoc for the dashboard's integration tests (the same properties everywhere, so the
 * Spring context is shared): its own H2 file, embedded SMTP on a free port, no seed import (each test
 * imports a small document of its own), demo users on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.notification.poll-interval=0" })
@AutoConfigureMockMvc
public @interface DashboardIT {
}
