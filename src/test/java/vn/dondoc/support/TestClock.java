package vn.dondoc.support;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Import into a Spring test to run dondoc's clock at a chosen moment ({@link MovableClock#moveTo}). A
 * node started as a separate process ({@link NodeProcess}) gets the same business time through the
 * property {@code test.clock.offset-ms}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	public static final String OFFSET_PROPERTY = "test.clock.offset-ms";

	@Bean
	@Primary
	MovableClock movableClock(Environment environment) {
		MovableClock clock = new MovableClock();
		Long offset = environment.getProperty(OFFSET_PROPERTY, Long.class);
		if (offset != null) {
			clock.shiftBy(Duration.ofMillis(offset));
		}
		return clock;
	}

}
