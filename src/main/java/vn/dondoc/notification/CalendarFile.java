package vn.dondoc.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The due date as an iCalendar file, so an official can put the deadline into any calendar client. One
 * all-day VEVENT per directive and unit: its UID stays the same for that pair and its SEQUENCE is the
 * number of extensions, so when the deadline moves, importing the newer file moves the entry instead of
 * adding a second one. The calendar feed ({@link DueDateCalendar}) writes its entries with the same pieces.
 */
final class CalendarFile {

	static final String PRODUCT = "-//dondoc//Theo doi don doc nhiem vu//VI";

	private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[\\\\/:*?\"<>|]");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern NOT_ASCII_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

	private static final Pattern DASHES = Pattern.compile("-{2,}");

	private static final Pattern EDGE_DASH = Pattern.compile("^-|-(?=\\.ics$)");

	private CalendarFile() {
	}

	/**
	 * An attachment's content and names: an ASCII file name for every client, and the Vietnamese one
	 * that RFC 2231 ({@code filename*=UTF-8''…}) carries for those that read it.
	 */
	record Attachment(String asciiName, String name, byte[] content) {

		String contentType() {
			return "text/calendar; charset=UTF-8; method=PUBLISH";
		}

		/** The Content-Disposition header value, both names present. */
		String disposition() {
			return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc2231(name);
		}

	}

	/** The calendar file of one message, if it has a due date and is addressed to the unit that owns it. */
	static Optional<Attachment> of(NotificationRequest request, LinkSettings links, String uidDomain, Instant now) {
		if (!carriesDueDate(request)) {
			return Optional.empty();
		}
		String where = Notice.where(request).replace(", mục ", " mục ");
		String name = (where.isBlank() ? "Hạn nhiệm vụ" : "Hạn " + where) + ".ics";
		return Optional.of(new Attachment(ascii(name), safe(name),
				write(List.of(event(request, links, uidDomain, now)))));
	}

	/** One file with the due date of each reminder of a digest. */
	static Optional<Attachment> of(List<NotificationRequest> requests, LocalDate day, LinkSettings links,
			String uidDomain, Instant now) {
		List<Event> events = new ArrayList<>();
		for (NotificationRequest request : requests) {
			if (carriesDueDate(request)) {
				events.add(event(request, links, uidDomain, now));
			}
		}
		if (events.isEmpty()) {
			return Optional.empty();
		}
		String name = "Hạn các nhiệm vụ " + VietnameseDates.date(day).replace('/', '-') + ".ics";
		return Optional.of(new Attachment(ascii(name), name, write(events)));
	}

	/**
	 * Whether the message gives the unit its due date: not an escalation (sent to the unit above), nor a model's
	 * message without a directive (no task of the unit behind it), and of the
	 * office's decisions only an approved extension, which moves the date; the others leave it as it was.
	 */
	private static boolean carriesDueDate(NotificationRequest request) {
		return request.dueDate() != null && request.kind() != NotificationKind.ESCALATION
				&& (request.kind() != NotificationKind.MESSAGE || (request.directiveId() != null && !request.directiveId().isBlank()))
				&& (!request.kind().isDecision() || request.kind() == NotificationKind.EXTENSION_APPROVED);
	}

	/** Stable per directive and lead unit, whatever happens to the task or its due date. */
	static String uid(String directiveId, String leadUnitCode, String domain) {
		return "dondoc-" + Digests.sha256Hex(directiveId + "|" + leadUnitCode).substring(0, 32) + "@" + domain;
	}

	/**
	 * What a calendar entry says about one unit's due date, whoever writes it (a message, the calendar feed).
	 *
	 * @param subject the directive's id, or {@code task:<id>} for a task of a modelled process: with the unit, the UID
	 * @param where {@code <document code>, mục <section>}, or {@code null} without a document
	 * @param extensions approved extensions (the SEQUENCE)
	 * @param status the part's status in words when the entry says it (the feed), else {@code null}
	 */
	record Due(String subject, String unitCode, String unitName, LocalDate date, LocalDate originalDate, int extensions,
			String text, String where, String documentTitle, String processName, String deadlineText, String url,
			boolean modelled, String status) {
	}

	/**
	 * An all-day event as a file or the feed writes it.
	 *
	 * @param url where the unit reports, or {@code null}
	 * @param stamp when the file was written (DTSTAMP)
	 */
	record Event(LocalDate day, String summary, String uid, int sequence, String description, String url, Instant stamp) {

		Event {
			if (url != null) {
				URI.create(url);   // a link that is no URI fails here, as it would in any calendar client
			}
		}

		void writeTo(CalendarText ics) {
			ics.begin("VEVENT")
				.date("DTSTART", day)
				.date("DTEND", day.plusDays(1))
				.text("SUMMARY", summary)
				.property("UID", uid)
				.property("SEQUENCE", Integer.toString(sequence))
				.property("TRANSP", "TRANSPARENT")
				.text("DESCRIPTION", description);
			if (url != null) {
				ics.property("URL", url);
			}
			ics.utc("DTSTAMP", stamp).end("VEVENT");
		}

	}

	private static Event event(NotificationRequest request, LinkSettings links, String uidDomain, Instant now) {
		String unit = HeaderText.singleLine(request.leadUnitName());
		Due due = new Due(request.modelledTask() ? "task:" + request.taskId() : request.directiveId(), request.leadUnitCode(),
				request.leadUnitName(), request.dueDate(), request.originalDueDate(), request.extensionCount(), request.directiveText(),
				request.documentCode() == null || request.documentCode().isBlank() ? null : Notice.where(request),
				request.documentTitle(), request.processName(), request.deadlineText(), links.task(request), request.modelledTask(), null);
		return event(due, "Hạn: " + HeaderText.shorten(HeaderText.singleLine(request.directiveText()), 90) + " (" + unit + ")",
				uidDomain, now);
	}

	/** The all-day event of a due date: the same UID and SEQUENCE in a message's file and in the feed. */
	static Event event(Due due, String summary, String uidDomain, Instant now) {
		return new Event(due.date(), summary, uid(due.subject(), due.unitCode(), uidDomain), due.extensions(), description(due),
				due.url(), now);
	}

	private static String description(Due due) {
		StringBuilder text = new StringBuilder();
		text.append(due.text() == null ? "" : due.text()).append("\n\n");
		if (due.where() != null) {
			text.append("Văn bản: ").append(due.where());
			if (due.documentTitle() != null && !due.documentTitle().isBlank()) {
				text.append(" – ").append(due.documentTitle());
			}
			text.append("\n");
		}
		else if (due.processName() != null && !due.processName().isBlank()) {
			text.append("Quy trình: ").append(due.processName()).append("\n");
		}
		text.append("Đơn vị chủ trì: ").append(due.unitName());
		text.append("\nHạn hoàn thành: ").append(VietnameseDates.withWeekday(due.date()));
		if (due.originalDate() != null) {
			text.append(" (hạn ban đầu ").append(VietnameseDates.date(due.originalDate()))
				.append(", đã gia hạn ").append(due.extensions()).append(" lần)");
		}
		if (due.deadlineText() != null && !due.deadlineText().isBlank()) {
			text.append("\nThời hạn theo yêu cầu: ").append(due.deadlineText());
		}
		if (due.status() != null) {
			text.append("\nTình trạng: ").append(due.status());
		}
		if (due.url() != null) {
			text.append(due.modelled() ? "\nMở nhiệm vụ: " : "\nBáo cáo kết quả trên dondoc: ").append(due.url());
		}
		return text.toString();
	}

	private static byte[] write(List<Event> events) {
		return write(events, ics -> {
		});
	}

	/** A calendar of these events, published (no invitation), with the calendar's own properties written by {@code head}. */
	static byte[] write(List<Event> events, Consumer<CalendarText> head) {
		CalendarText ics = new CalendarText().begin("VCALENDAR")
			.property("PRODID", PRODUCT)
			.property("CALSCALE", "GREGORIAN")
			.property("VERSION", "2.0")
			.property("METHOD", "PUBLISH");
		head.accept(ics);
		for (Event event : events) {
			event.writeTo(ics);
		}
		return ics.end("VCALENDAR").toBytes();
	}

	/** A file name without characters a file system or a header would choke on. */
	private static String safe(String name) {
		return UNSAFE_IN_FILE_NAME.matcher(HeaderText.singleLine(name)).replaceAll("-");
	}

	/** The ASCII form: Vietnamese letters without their marks (đ → d), anything else odd → '-'. */
	static String ascii(String name) {
		String plain = MARKS.matcher(Normalizer.normalize(safe(name), Normalizer.Form.NFD)).replaceAll("")
			.replace('đ', 'd')
			.replace('Đ', 'D');
		return EDGE_DASH.matcher(DASHES.matcher(NOT_ASCII_NAME.matcher(plain).replaceAll("-")).replaceAll("-")).replaceAll("");
	}

	/** RFC 2231 / RFC 5987 percent-encoding of UTF-8 (attr-char kept as is). */
	static String rfc2231(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
