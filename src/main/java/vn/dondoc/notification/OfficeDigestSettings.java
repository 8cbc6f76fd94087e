package vn.dondoc.notification;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's daily digest ({@code dondoc.notification.office-digest.*}): once each working day, the
 * tracking office gets one e-mail listing what awaits its review and what became overdue since the
 * previous working day.
 *
 * @param enabled whether it is sent; off by default, so a running installation gets no new mail unasked
 * @param at when it goes out (Vietnam time, working days of the calendar: holidays skipped)
 * @param unit the office's unit code in the unit list, whose mailboxes receive it
 */
@ConfigurationProperties("dondoc.notification.office-digest")
record OfficeDigestSettings(Boolean enabled, LocalTime at, String unit) {

	OfficeDigestSettings {
		enabled = enabled != null && enabled;
		at = at == null ? LocalTime.of(7, 30) : at;
		unit = unit == null || unit.isBlank() ? "van-phong-thanh-uy" : unit.strip();
	}

}
