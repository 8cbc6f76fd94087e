package vn.dondoc.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationSettingsTest {

	@Test
	void defaultsNeedNoConfiguration() {
		NotificationSettings settings = NotificationSettings.defaults();
		assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.polls()).isTrue();
		assertThat(settings.digest()).isFalse();
		assertThat(settings.digestAt()).isEqualTo(LocalTime.of(7, 0));
		assertThat(settings.maxAttempts()).isEqualTo(20);
		assertThat(settings.calendarAttachment()).isTrue();
		assertThat(settings.senders()).as("SMTP dialogues at once (BENCHMARKS.md)").isEqualTo(4);
	}

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		NotificationSettings settings = new NotificationSettings(Duration.ZERO, 10, Duration.ofMinutes(5),
				Duration.ofMinutes(1), Duration.ofMinutes(30), 10, false, null, true, null, null);
		assertThat(settings.polls()).isFalse();
		assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.retryDelay(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(settings.retryDelay(6)).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.retryDelay(60)).isEqualTo(Duration.ofMinutes(30));
	}

}
