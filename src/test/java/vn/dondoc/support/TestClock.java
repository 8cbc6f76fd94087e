package vn.dondoc.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a Spring test to run dondoc's clock at a chosen moment ({@link MovableClock#moveTo}). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock();
	}

}
