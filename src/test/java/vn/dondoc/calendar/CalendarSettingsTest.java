package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarSettingsTest {

	@Test
	void defaultsToHanoiOfficeHoursAndTheShippedHolidayFile() {
		CalendarSettings settings = bind(Map.of());
		assertThat(settings.holidaysFile()).isEqualTo(Path.of("config/holidays.yml"));
		assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(settings.workStart()).isEqualTo(LocalTime.of(7, 30));
		assertThat(settings.workEnd()).isEqualTo(LocalTime.of(17, 0));
		assertThat(settings).isEqualTo(CalendarSettings.defaults());
	}

	@Test
	void bindsOfficeHoursWrittenAsHoursAndMinutes() {
		CalendarSettings settings = bind(Map.of(
				"dondoc.calendar.work-start", "8:00",
				"dondoc.calendar.work-end", "16:30",
				"dondoc.calendar.holidays-file", "/etc/dondoc/holidays.yml"));
		assertThat(settings.workStart()).isEqualTo(LocalTime.of(8, 0));
		assertThat(settings.workEnd()).isEqualTo(LocalTime.of(16, 30));
		assertThat(settings.holidaysFile()).isEqualTo(Path.of("/etc/dondoc/holidays.yml"));
	}

	@Test
	void refusesOfficeHoursThatEndBeforeTheyStart() {
		assertThatThrownBy(() -> new CalendarSettings(null, null, LocalTime.of(17, 0), LocalTime.of(7, 30)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("work-start");
	}

	private static CalendarSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
				.bindOrCreate("dondoc.calendar", CalendarSettings.class);
	}
}
