package vn.dondoc.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Due dates as a calendar to subscribe to (the calendar feed): one all-day event per open part, written by the very
 * pieces that write the mails' {@code .ics} files, so that an entry has the UID and SEQUENCE of the invitation the unit
 * got by mail (stable per directive and unit; SEQUENCE = approved extensions) and a calendar shows one event that
 * moves with the deadline. Links start with {@code dondoc.base-url}; UIDs end with the sender's domain.
 */
@Component
public class DueDateCalendar {

	/** How often a subscribed client should read the feed again. */
	static final Duration REFRESH = Duration.ofHours(1);

	private final LinkSettings links;

	private final MailSettings mail;

	private final Clock clock;

	DueDateCalendar(LinkSettings links, MailSettings mail, Clock clock) {
		this.links = links;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * One open part with a due date: a unit's part of a directive, or a task of a modelled process.
	 *
	 * @param directiveId the directive's id, {@code null} for a task of a modelled process
	 * @param taskId the modelled task's id ({@code null} for a directive's part)
	 * @param documentCode the document's code (a directive's part)
	 * @param documentTitle the document's title
	 * @param section the directive's section in the document
	 * @param processName the process's name (a modelled task)
	 * @param text the directive in the document's words, or the task's name
	 * @param deadlineText the deadline as written, or {@code null}
	 * @param unitCode the unit that carries it out
	 * @param unitName that unit's name
	 * @param due the current due day
	 * @param originalDue the first due day when an extension moved it, else {@code null}
	 * @param extensions approved extensions
	 * @param status the part's status in words
	 */
	public record Entry(Long directiveId, String taskId, String documentCode, String documentTitle, String section,
			String processName, String text, String deadlineText, String unitCode, String unitName, LocalDate due,
			LocalDate originalDue, int extensions, String status) {

		/** A unit's part of a directive. */
		public static Entry ofDirective(long directiveId, String documentCode, String documentTitle, String section, String text,
				String deadlineText, String unitCode, String unitName, LocalDate due, LocalDate originalDue, int extensions,
				String status) {
			return new Entry(directiveId, null, documentCode, documentTitle, section, null, text, deadlineText, unitCode, unitName,
					due, originalDue != null && originalDue.equals(due) ? null : originalDue, extensions, status);
		}

		/** A task of a modelled process (never extended through dondoc). */
		public static Entry ofTask(String taskId, String processName, String taskName, String unitCode, String unitName,
				LocalDate due, String status) {
			return new Entry(null, taskId, null, null, null, processName, taskName, null, unitCode, unitName, due, null, 0, status);
		}

		boolean modelled() {
			return directiveId == null;
		}

	}

	/** Where dondoc is reached ({@code dondoc.base-url}), without a trailing slash. */
	public String baseUrl() {
		return links.baseUrl();
	}

	/**
	 * The calendar: named {@code name} (X-WR-CALNAME), read again every hour, one all-day event per entry with a due date.
	 * Its SUMMARY is {@code <document code> mục <section> · <text>}, with the unit's name before the text when
	 * {@code namesUnits} (a calendar of several units).
	 */
	public byte[] calendar(String name, List<Entry> entries, boolean namesUnits) {
		String domain = mail.domain();
		List<CalendarFile.Event> events = new ArrayList<>();
		for (Entry entry : entries) {
			if (entry.due() != null) {
				events.add(CalendarFile.event(due(entry), summary(entry, namesUnits), domain, clock.instant()));
			}
		}
		String calendarName = HeaderText.singleLine(name);
		return CalendarFile.write(events, ics -> ics.text("X-WR-CALNAME", calendarName)
			.text("NAME", calendarName)
			.property("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh")
			.property("REFRESH-INTERVAL;VALUE=DURATION", REFRESH.toString())
			.property("X-PUBLISHED-TTL", REFRESH.toString()));
	}

	private CalendarFile.Due due(Entry entry) {
		String where = entry.modelled() ? null
				: entry.section() == null || entry.section().isBlank() ? entry.documentCode() : entry.documentCode() + ", mục " + entry.section();
		return new CalendarFile.Due(entry.modelled() ? "task:" + entry.taskId() : String.valueOf(entry.directiveId()), entry.unitCode(),
				entry.unitName(), entry.due(), entry.originalDue(), entry.extensions(), entry.text(), where, entry.documentTitle(),
				entry.processName(), entry.deadlineText(),
				entry.modelled() ? links.work(entry.taskId()) : links.directive(String.valueOf(entry.directiveId())), entry.modelled(),
				entry.status());
	}

	private static String summary(Entry entry, boolean namesUnits) {
		String head = entry.modelled() ? HeaderText.singleLine(entry.processName())
				: HeaderText.singleLine(entry.documentCode()) + (entry.section() == null || entry.section().isBlank() ? ""
						: " mục " + HeaderText.singleLine(entry.section()));
		String unit = namesUnits ? HeaderText.singleLine(entry.unitName()) + ": " : "";
		String text = HeaderText.shorten(HeaderText.singleLine(entry.text()), 80);
		return (head.isEmpty() ? "" : head + " · ") + unit + text;
	}

}
