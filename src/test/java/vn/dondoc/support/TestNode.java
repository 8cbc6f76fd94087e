package vn.dondoc.support;

import java.util.TimeZone;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;

import vn.dondoc.DondocApplication;

/**
 * The main class of a {@link NodeProcess}: dondoc as it ships, plus {@link TestClock} (so that
 * {@code test.clock.offset-ms} sets its business time). Spring Boot's test support keeps
 * {@code @TestConfiguration} classes out of component scanning, so the clock is added by hand.
 */
public final class TestNode {

	private TestNode() {
	}

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(DondocApplication.ZONE));
		// Camunda's clock (task creation, timers) runs at the same business time as dondoc's
		for (String arg : args) {
			if (arg.startsWith("--" + TestClock.OFFSET_PROPERTY + "=")) {
				ClockUtil.offset(Long.parseLong(arg.substring(arg.indexOf('=') + 1)));
			}
		}
		SpringApplication.run(new Class<?>[] { DondocApplication.class, TestClock.class }, args);
	}

}
