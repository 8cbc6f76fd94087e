package vn.dondoc.calendar;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Vietnam's working calendar: which days are worked, how working days are counted, office hours.
 *
 * <p>Days off are the statutory ones (Bộ luật Lao động 2019, Điều 111–112; see {@code docs/calendar.md})
 * corrected by the government's yearly decisions in the holidays file ({@code dondoc.calendar.holidays-file},
 * default {@code config/holidays.yml}). Saturday and Sunday are off unless decided as make-up working days.
 *
 * <p>Registered as the bean {@code calendar}, so BPMN expressions can call it, e.g.
 * {@code ${calendar.addWorkingDays(now, 5)}} with {@code now} a {@link Date}.
 *
 * <p>Supports the years 1900–2100 (the range of {@link LunarCalendar}). Thread-safe.
 */
@Service("calendar")
public class VietnamCalendar {

	private static final Logger log = LoggerFactory.getLogger(VietnamCalendar.class);

	private final CalendarSettings settings;
	private final LunarCalendar lunar;
	private final StatutoryHolidays statutory;
	private final HolidayOverrides overrides;
	private final Map<Integer, Map<LocalDate, SpecialDay>> years = new ConcurrentHashMap<>();

	/**
	 * Reads the holidays file named in the settings; a missing file leaves the statutory rules alone
	 * (with a warning), an invalid one fails with a message naming file, year and entry.
	 */
	@Autowired
	public VietnamCalendar(CalendarSettings settings) {
		this(settings, loadOverrides(settings), new LunarCalendar());
	}

	VietnamCalendar(CalendarSettings settings, HolidayOverrides overrides, LunarCalendar lunar) {
		this.settings = settings;
		this.lunar = lunar;
		this.statutory = new StatutoryHolidays(lunar);
		this.overrides = overrides;
		// check every decided year now, so a bad file stops start-up instead of a later reminder
		overrides.years().keySet().forEach(this::year);
	}

	/** A calendar of statutory rules only, with default settings (no holidays file). */
	static VietnamCalendar statutoryOnly() {
		return new VietnamCalendar(CalendarSettings.defaults(), HolidayOverrides.none(), new LunarCalendar());
	}

	private static HolidayOverrides loadOverrides(CalendarSettings settings) {
		if (!Files.exists(settings.holidaysFile())) {
			log.warn("Holiday file {} not found: using the statutory holidays only, without the government's "
					+ "yearly decisions (bridge days, make-up Saturdays)", settings.holidaysFile().toAbsolutePath());
			return HolidayOverrides.none();
		}
		HolidayOverrides overrides = HolidayFileReader.read(settings.holidaysFile());
		log.info("Holiday decisions read from {} for years {}", settings.holidaysFile(), overrides.years().keySet());
		return overrides;
	}

	/** The settings in force (zone, office hours, holidays file). */
	public CalendarSettings settings() {
		return settings;
	}

	/** The lunar calendar used for Tết and Giỗ Tổ. */
	public LunarCalendar lunar() {
		return lunar;
	}

	/** Whether a date is a working day: not a weekend day (unless a make-up working day) and not a day off. */
	public boolean isWorkingDay(LocalDate date) {
		SpecialDay special = year(date.getYear()).get(date);
		if (special != null) {
			return !special.isDayOff();
		}
		return !StatutoryHolidays.isWeekend(date);
	}

	/** {@link #isWorkingDay(LocalDate)} for the date of an instant in the calendar's zone (for BPMN expressions). */
	public boolean isWorkingDay(Date moment) {
		return isWorkingDay(toLocalDate(moment));
	}

	/** The holiday, day off or make-up working day on a date, if it is one. */
	public Optional<SpecialDay> specialDay(LocalDate date) {
		return Optional.ofNullable(year(date.getYear()).get(date));
	}

	/** The first working day strictly after a date. */
	public LocalDate nextWorkingDay(LocalDate date) {
		return workingDayOnOrAfter(date.plusDays(1));
	}

	/** The date itself if it is a working day, otherwise the next working day (Bộ luật Dân sự 2015, Điều 148). */
	public LocalDate workingDayOnOrAfter(LocalDate date) {
		LocalDate day = date;
		while (!isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * Counts working days from a date, the date itself not counted (Bộ luật Dân sự 2015, Điều 147):
	 * {@code addWorkingDays(d, 1)} is the first working day after {@code d}. A negative count goes back
	 * ({@code -1} is the last working day before {@code d}); zero gives {@code d} if it is a working day,
	 * otherwise the next working day. The result is always a working day.
	 */
	public LocalDate addWorkingDays(LocalDate date, int workingDays) {
		if (workingDays == 0) {
			return workingDayOnOrAfter(date);
		}
		int step = workingDays > 0 ? 1 : -1;
		int remaining = Math.abs(workingDays);
		LocalDate day = date;
		while (remaining > 0) {
			day = day.plusDays(step);
			if (isWorkingDay(day)) {
				remaining--;
			}
		}
		return day;
	}

	/**
	 * For BPMN expressions such as {@code ${calendar.addWorkingDays(now, 5)}}: counts working days from the
	 * date of {@code moment} in the calendar's zone and returns the end of office hours of the day reached,
	 * so that a task due then is due at closing time of that working day.
	 */
	public Date addWorkingDays(Date moment, int workingDays) {
		LocalDate day = addWorkingDays(toLocalDate(moment), workingDays);
		return Date.from(endOfWorkingDay(day));
	}

	/**
	 * The first moment at or after {@code instant} that lies inside office hours of a working day:
	 * the instant itself during office hours, otherwise the opening time of the next working period.
	 */
	public Instant nextWorkingMoment(Instant instant) {
		ZonedDateTime at = instant.atZone(settings.zone());
		LocalDate day = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		if (isWorkingDay(day)) {
			if (time.isBefore(settings.workStart())) {
				return startOfWorkingDay(day);
			}
			if (time.isBefore(settings.workEnd())) {
				return instant;
			}
		}
		return startOfWorkingDay(nextWorkingDay(day));
	}

	/** {@link #nextWorkingMoment(Instant)} for BPMN expressions. */
	public Date nextWorkingMoment(Date moment) {
		return Date.from(nextWorkingMoment(moment.toInstant()));
	}

	/** Opening time of a day in the calendar's zone. */
	public Instant startOfWorkingDay(LocalDate date) {
		return LocalDateTime.of(date, settings.workStart()).atZone(settings.zone()).toInstant();
	}

	/** Closing time of a day in the calendar's zone. */
	public Instant endOfWorkingDay(LocalDate date) {
		return LocalDateTime.of(date, settings.workEnd()).atZone(settings.zone()).toInstant();
	}

	/** The date of an instant in the calendar's zone. */
	public LocalDate toLocalDate(Instant instant) {
		return instant.atZone(settings.zone()).toLocalDate();
	}

	/** The zone dates are read in. */
	public ZoneId zone() {
		return settings.zone();
	}

	/**
	 * Every day of a year that departs from the plain week, in date order: holidays (also those that fall
	 * on a weekend), compensatory and bridge days off, and make-up working Saturdays (the only ones whose
	 * {@link SpecialDay#isDayOff()} is false). Plain Saturdays and Sundays are not listed.
	 */
	public List<SpecialDay> nonWorkingDays(int year) {
		return List.copyOf(year(year).values());
	}

	private LocalDate toLocalDate(Date moment) {
		return toLocalDate(moment.toInstant());
	}

	private Map<LocalDate, SpecialDay> year(int year) {
		if (year < LunarCalendar.MIN_DATE.getYear() || year > LunarCalendar.MAX_DATE.getYear()) {
			throw new IllegalArgumentException("Lịch chỉ hỗ trợ các năm 1900–2100, không hỗ trợ năm " + year);
		}
		return years.computeIfAbsent(year, this::compute);
	}

	private Map<LocalDate, SpecialDay> compute(int year) {
		Map<LocalDate, SpecialDay> days = new TreeMap<>(statutory.daysOff(year));
		HolidayOverrides.Year decided = overrides.year(year);
		for (HolidayOverrides.Entry entry : decided.notOff()) {
			SpecialDay removed = days.remove(entry.date());
			if (removed == null || StatutoryHolidays.isWeekend(entry.date())) {
				throw HolidayFileReader.fail(overrides.file(), "year " + year + ", entry " + entry.where()
						+ " (" + entry.date() + "): " + Dates.format(entry.date()) + " is not a weekday off under the"
						+ " statutory rules, so it cannot be given back as a working day");
			}
		}
		for (HolidayOverrides.Entry entry : decided.daysOff()) {
			days.put(entry.date(), new SpecialDay(entry.date(), entry.name(), entry.kind(), entry.source()));
		}
		for (HolidayOverrides.Entry entry : decided.workingSaturdays()) {
			SpecialDay clash = days.get(entry.date());
			if (clash != null) {
				throw HolidayFileReader.fail(overrides.file(), "year " + year + ", entry " + entry.where()
						+ " (" + entry.date() + "): " + Dates.format(entry.date()) + " is already " + clash.name()
						+ "; it cannot also be a working day");
			}
			days.put(entry.date(), new SpecialDay(entry.date(), entry.name(), entry.kind(), entry.source()));
		}
		return Collections.unmodifiableMap(days);
	}
}
