package vn.dondoc.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * dondoc on H2 with the embedded SMTP server (a real GreenMail on a free port), the background
 * dispatcher off so each test sends exactly when it says so, and quick retries. One Spring context,
 * shared by every notification test on H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/notification-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.base-url=https://dondoc.thanhuy-haiphong.example",
				"dondoc.notification.poll-interval=0", "dondoc.notification.retry-initial=100ms",
				"dondoc.notification.retry-max=400ms", "dondoc.notification.max-attempts=4" })
@interface NotificationIT {

}
