package vn.dondoc.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.PartFilter;
import vn.dondoc.directive.DirectiveCatalog.PartView;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.notification.DueDateCalendar;
import vn.dondoc.security.Viewer;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.work.WorkCatalog;
import vn.dondoc.workflow.DirectiveLifecycle;

/**
 * The calendar feed of each unit, and of the tracking office for everything it tracks (under its group's code,
 * {@value DirectiveProcess#GROUP_TRACKING_OFFICE}): who may see and change its address, the address, and the
 * calendar behind it. A unit's members reach their unit's feed; the office and the admin every feed.
 */
@Service
public class CalendarFeeds {

	/** The code under which the office's own feed lives: its group's. */
	public static final String OFFICE = DirectiveProcess.GROUP_TRACKING_OFFICE;

	/** The most events of each kind (late, ahead) in one feed: the soonest and the latest late ones. */
	static final int MAX_EVENTS = 2000;

	private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

	private static final LocalDate FAR = LocalDate.of(9999, 12, 31);

	private final FeedTokens tokens;

	private final UnitDirectory units;

	private final DirectiveCatalog directives;

	private final WorkCatalog work;

	private final DirectiveLifecycle lifecycle;

	private final DueDateCalendar calendar;

	private final VietnamCalendar days;

	private final Clock clock;

	CalendarFeeds(FeedTokens tokens, UnitDirectory units, DirectiveCatalog directives, WorkCatalog work, DirectiveLifecycle lifecycle,
			DueDateCalendar calendar, VietnamCalendar days, Clock clock) {
		this.tokens = tokens;
		this.units = units;
		this.directives = directives;
		this.work = work;
		this.lifecycle = lifecycle;
		this.calendar = calendar;
		this.days = days;
		this.clock = clock;
	}

	/** Why a feed is refused: no such unit (404), or not the viewer's (403). The message is for the reader. */
	public static class Refused extends RuntimeException {

		private final boolean unknownUnit;

		Refused(boolean unknownUnit, String message) {
			super(message);
			this.unknownUnit = unknownUnit;
		}

		public boolean unknownUnit() {
			return unknownUnit;
		}

	}

	/**
	 * A feed's address as the dashboard shows it.
	 *
	 * @param unit the unit's code (or {@link #OFFICE})
	 * @param name whose feed, in words
	 * @param url the address to subscribe to, {@code null} when there is none
	 * @param revoked the address was revoked (and no new one issued)
	 */
	public record Address(String unit, String name, String url, boolean revoked) {
	}

	/** The units whose feeds the viewer may handle: the office's own first (office and admin), then units by name. */
	public List<Address> choices(Viewer viewer) {
		List<Address> choices = new ArrayList<>();
		if (viewer.seesAll()) {
			choices.add(new Address(OFFICE, name(OFFICE), null, false));
		}
		units.all().stream()
			.filter(unit -> viewer.seesAll() || viewer.units().contains(unit.code()))
			.map(unit -> new Address(unit.code(), unit.name(), null, false))
			.forEach(choices::add);
		return choices;
	}

	/** The working address of {@code code}'s feed, issued on the first call (and after a revocation). */
	public String url(Viewer viewer, String code) {
		allow(viewer, code);
		return url(tokens.current(code, viewer.userId()));
	}

	/** The address as it stands, nothing issued: the dashboard issues only on request after a revocation. */
	public Address address(Viewer viewer, String code) {
		allow(viewer, code);
		Optional<FeedTokens.State> state = tokens.state(code);
		if (state.isEmpty()) {
			return new Address(code, name(code), url(tokens.current(code, viewer.userId())), false);
		}
		String token = state.get().token();
		return new Address(code, name(code), token == null ? null : url(token), state.get().revoked() && token == null);
	}

	/** A new address; the old one answers 404 from now on. */
	public String reissue(Viewer viewer, String code) {
		allow(viewer, code);
		String url = url(tokens.replace(code, viewer.userId()));
		log.info("Calendar feed of {} re-issued by {}", code, viewer.userId());
		return url;
	}

	/** The address answers 404 from now on; {@code false} when there was none that worked. */
	public boolean revoke(Viewer viewer, String code) {
		allow(viewer, code);
		boolean revoked = tokens.revoke(code);
		log.info("Calendar feed of {} revoked by {}{}", code, viewer.userId(), revoked ? "" : " (it had no working address)");
		return revoked;
	}

	/** The calendar at the address with this token, if the token works. */
	public Optional<byte[]> calendar(String token) {
		return tokens.unitOf(token).map(this::calendarOf);
	}

	/** {@code code}'s name: the unit's, or the office's. */
	public String name(String code) {
		return OFFICE.equals(code) ? "Văn phòng theo dõi (mọi đơn vị)" : units.nameOf(code);
	}

	private void allow(Viewer viewer, String code) {
		boolean office = OFFICE.equals(code);
		if (code == null || (!office && !units.exists(code))) {
			String shown = code == null ? "" : code.replaceAll("\\p{Cntrl}", "?");
			shown = shown.length() > 100 ? shown.substring(0, 99) + "…" : shown;
			log.info("Calendar feed of an unknown unit «{}» asked for by {}", shown, viewer.userId());
			throw new Refused(true, "Không có đơn vị «" + shown + "» trong danh mục đơn vị (config/units.yml).");
		}
		if (!viewer.seesAll() && (office || !viewer.units().contains(code))) {
			log.info("Calendar feed of {} refused to {}", code, viewer.userId());
			throw new Refused(false, office ? "Chỉ Văn phòng theo dõi và quản trị dùng được lịch của Văn phòng."
					: "Bạn chỉ dùng được lịch theo dõi của đơn vị mình, không phải của " + name(code) + ".");
		}
	}

	private String url(String token) {
		return calendar.baseUrl() + "/lich/" + token + ".ics";
	}

	/** The open parts with a due date of the unit (of every unit, for the office), and its modelled work. */
	private byte[] calendarOf(String code) {
		boolean office = OFFICE.equals(code);
		String unit = office ? null : code;
		PartFilter filter = new PartFilter(null, unit, null, null, null);
		List<PartView> parts = new ArrayList<>(directives.openParts(filter, true, null, MAX_EVENTS));
		parts.addAll(directives.openParts(filter, false, FAR, MAX_EVENTS));
		Map<String, Map<String, Integer>> extensions = lifecycle.approvedExtensions(
				parts.stream().map(part -> part.directive().processInstanceId()).filter(Objects::nonNull).distinct().toList());
		List<DueDateCalendar.Entry> entries = new ArrayList<>();
		for (PartView view : parts) {
			var directive = view.directive();
			var part = view.part();
			int extended = extensions.getOrDefault(directive.processInstanceId(), Map.of()).getOrDefault(part.code(), 0);
			entries.add(DueDateCalendar.Entry.ofDirective(directive.id(), directive.documentCode(), directive.documentTitle(),
					directive.section(), directive.text(), directive.deadlineText(), part.code(), part.name(), part.dueDate(),
					part.originalDueDate(), extended, part.statusLabel()));
		}
		LocalDate today = LocalDate.now(clock.withZone(days.zone()));
		WorkCatalog.Filter tasks = new WorkCatalog.Filter(null, unit, null, null, null, null);
		List<WorkCatalog.WorkView> open = new ArrayList<>(work.open(tasks, today, true, null, MAX_EVENTS));
		open.addAll(work.open(tasks, today, false, FAR, MAX_EVENTS));
		for (WorkCatalog.WorkView task : open) {
			if (task.unit() != null) {
				entries.add(DueDateCalendar.Entry.ofTask(task.taskId(), task.processName(), task.taskName(), task.unit(), task.unitName(),
						task.dueDate(), task.statusLabel()));
			}
		}
		entries.sort(Comparator.comparing(DueDateCalendar.Entry::due));
		return calendar.calendar("dondoc – " + name(code), entries, office);
	}

}
