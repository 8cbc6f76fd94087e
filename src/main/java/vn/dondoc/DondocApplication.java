package vn.dondoc;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * dondoc: turns the directives of a conclusion (kết luận) into Camunda process instances and urges the
 * responsible units with Quartz-driven reminder e-mails.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DondocApplication {

	/** Every date dondoc shows or computes is a date in Vietnam. */
	public static final String ZONE = "Asia/Ho_Chi_Minh";

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
		SpringApplication.run(DondocApplication.class, args);
	}

}
