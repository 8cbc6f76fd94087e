package vn.dondoc.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vietnamese lunar calendar, computed from the astronomy at meridian 105°E (UTC+7):
 * <ul>
 *   <li>a month begins on the local day that contains the new moon;</li>
 *   <li>the month that contains the winter solstice is month 11;</li>
 *   <li>when 13 months separate two months 11, the first of them after month 11 that contains no
 *       major solar term (trung khí, a multiple of 30° of solar longitude) is the leap month and
 *       repeats the number of the month before it.</li>
 * </ul>
 * New moons and solar longitudes come from Meeus' series ({@link Astronomy}). Implemented from these
 * rules, not from any published calendar code. Thread-safe; results are cached per lunar year.
 *
 * <p>Supported range: Gregorian dates from 1900-01-01 to 2100-12-31.
 */
public final class LunarCalendar {

	/** First and last Gregorian dates that can be converted. */
	public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
	public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

	private static final double JD_UNIX_EPOCH_MIDNIGHT = 2440587.5;
	/** Vietnam's lunar calendar is computed at UTC+7 (the government decision of 8/8/1967), not China's UTC+8. */
	private static final double UTC_OFFSET_DAYS = 7.0 / 24.0;

	private final Map<Integer, MonthTable> tables = new ConcurrentHashMap<>();

	/** Converts a Gregorian date to its lunar date. */
	public LunarDate toLunar(LocalDate date) {
		if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
			throw new IllegalArgumentException("Lịch âm chỉ tính được từ 01/01/1900 đến 31/12/2100, không tính được "
					+ date);
		}
		long day = date.toEpochDay();
		MonthTable table = tableFrom(date.getYear());
		if (day < table.starts[0]) {
			table = tableFrom(date.getYear() - 1);
		}
		int i = table.indexOf(day);
		return new LunarDate(table.yearOf(i), table.months[i], (int) (day - table.starts[i]) + 1, table.leap[i]);
	}

	/** Converts a lunar date to its Gregorian date; fails if that month or day does not exist. */
	public LocalDate toSolar(LunarDate lunar) {
		MonthTable table = tableHolding(lunar.year(), lunar.month());
		int i = table.find(lunar.month(), lunar.leap());
		if (i < 0) {
			throw new IllegalArgumentException(lunar.leap()
					? "Năm âm lịch " + lunar.year() + " không có tháng " + lunar.month() + " nhuận"
					: "Năm âm lịch " + lunar.year() + " không có tháng " + lunar.month());
		}
		long length = table.starts[i + 1] - table.starts[i];
		if (lunar.day() > length) {
			throw new IllegalArgumentException("Tháng " + lunar.month() + (lunar.leap() ? " nhuận" : "")
					+ " năm âm lịch " + lunar.year() + " chỉ có " + length + " ngày, không có ngày " + lunar.day());
		}
		LocalDate date = LocalDate.ofEpochDay(table.starts[i] + lunar.day() - 1);
		if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
			throw new IllegalArgumentException("Ngày " + lunar + " nằm ngoài khoảng 1900–2100");
		}
		return date;
	}

	/** Same as {@link #toSolar(LunarDate)}. */
	public LocalDate toSolar(int year, int month, int day, boolean leap) {
		return toSolar(new LunarDate(year, month, day, leap));
	}

	/** Number of days (29 or 30) of a lunar month. */
	public int monthLength(int year, int month, boolean leap) {
		MonthTable table = tableHolding(year, month);
		int i = table.find(month, leap);
		if (i < 0) {
			throw new IllegalArgumentException("Năm âm lịch " + year + " không có tháng " + month + (leap ? " nhuận" : ""));
		}
		return (int) (table.starts[i + 1] - table.starts[i]);
	}

	/** The leap month of a lunar year, if it has one (a leap month 11 or 12 counts for the year it closes). */
	public OptionalInt leapMonth(int year) {
		// months 1–10 (and a leap month among them) live in the table opened by the previous solstice,
		// months 11–12 in the table opened by this year's solstice
		MonthTable early = tableFrom(year - 1);
		for (int i = 0; i < early.months.length; i++) {
			if (early.leap[i] && early.yearOf(i) == year) {
				return OptionalInt.of(early.months[i]);
			}
		}
		MonthTable late = tableFrom(year);
		for (int i = 0; i < late.months.length; i++) {
			if (late.leap[i] && late.yearOf(i) == year) {
				return OptionalInt.of(late.months[i]);
			}
		}
		return OptionalInt.empty();
	}

	/** Tết Nguyên đán: the Gregorian date of the 1st day of the 1st month of a lunar year. */
	public LocalDate newYear(int year) {
		return toSolar(year, 1, 1, false);
	}

	private MonthTable tableHolding(int year, int month) {
		return month >= 11 ? tableFrom(year) : tableFrom(year - 1);
	}

	/** The months from the month 11 containing the December solstice of {@code solsticeYear} to the next one. */
	private MonthTable tableFrom(int solsticeYear) {
		if (solsticeYear < MIN_DATE.getYear() - 1 || solsticeYear > MAX_DATE.getYear()) {
			throw new IllegalArgumentException("Lịch âm chỉ tính được cho các năm 1900–2100, không tính được năm "
					+ solsticeYear);
		}
		return tables.computeIfAbsent(solsticeYear, MonthTable::compute);
	}

	/** Local (UTC+7) date, as an epoch day, of a moment given as JDE. */
	static long localDay(double jde) {
		double jdUt = Astronomy.toUniversalTime(jde);
		return (long) Math.floor(jdUt + UTC_OFFSET_DAYS - JD_UNIX_EPOCH_MIDNIGHT);
	}

	/** JDE of local (UTC+7) midnight at the start of an epoch day. */
	static double localMidnight(long epochDay) {
		return Astronomy.toDynamicalTime(JD_UNIX_EPOCH_MIDNIGHT + epochDay - UTC_OFFSET_DAYS);
	}

	/** Local day on which lunation {@code k} begins. */
	static long newMoonDay(long k) {
		return localDay(Astronomy.trueNewMoon(k));
	}

	/** Index (0–11) of the 30° sector the sun is in at the start of a local day. */
	static int solarSector(long epochDay) {
		return (int) Math.floor(Astronomy.apparentSolarLongitude(localMidnight(epochDay)) / 30.0);
	}

	/** Lunation number of the month 11 that contains the December solstice of a Gregorian year. */
	static long month11Lunation(int year) {
		double guess = JD_UNIX_EPOCH_MIDNIGHT + LocalDate.of(year, 12, 21).toEpochDay();
		long solsticeDay = localDay(Astronomy.solarLongitudeReached(270.0, guess));
		long k = Astronomy.lunationNear(guess);
		while (newMoonDay(k) > solsticeDay) {
			k--;
		}
		while (newMoonDay(k + 1) <= solsticeDay) {
			k++;
		}
		return k;
	}

	/** One lunar "solstice year": month 11 up to (not including) the next month 11. */
	private static final class MonthTable {
		final int solsticeYear;
		/** Epoch day each month starts on, plus the start of the next month 11 at the end. */
		final long[] starts;
		final int[] months;
		final boolean[] leap;
		/** Index of month 1 (Tết); months before it belong to the lunar year {@code solsticeYear}. */
		final int firstMonthIndex;

		private MonthTable(int solsticeYear, long[] starts, int[] months, boolean[] leap) {
			this.solsticeYear = solsticeYear;
			this.starts = starts;
			this.months = months;
			this.leap = leap;
			int first = -1;
			for (int i = 0; i < months.length; i++) {
				if (months[i] == 1 && !leap[i]) {
					first = i;
					break;
				}
			}
			this.firstMonthIndex = first;
		}

		static MonthTable compute(int solsticeYear) {
			long k0 = month11Lunation(solsticeYear);
			long k1 = month11Lunation(solsticeYear + 1);
			int count = (int) (k1 - k0);
			if (count != 12 && count != 13) {
				throw new IllegalStateException("Found " + count + " lunations after the solstice of " + solsticeYear);
			}
			long[] starts = new long[count + 1];
			for (int i = 0; i <= count; i++) {
				starts[i] = newMoonDay(k0 + i);
			}
			int leapIndex = -1;
			if (count == 13) {
				for (int i = 1; i < count; i++) {
					if (solarSector(starts[i]) == solarSector(starts[i + 1])) {
						leapIndex = i;
						break;
					}
				}
				if (leapIndex < 0) {
					throw new IllegalStateException("13 months but none without a major solar term after the solstice of "
							+ solsticeYear);
				}
			}
			int[] months = new int[count];
			boolean[] leap = new boolean[count];
			for (int i = 0; i < count; i++) {
				int ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
				months[i] = (10 + ordinal) % 12 + 1;
				leap[i] = i == leapIndex;
			}
			return new MonthTable(solsticeYear, starts, months, leap);
		}

		int indexOf(long day) {
			for (int i = 0; i < months.length; i++) {
				if (day >= starts[i] && day < starts[i + 1]) {
					return i;
				}
			}
			throw new IllegalStateException("Day " + LocalDate.ofEpochDay(day) + " is outside the lunar table of "
					+ solsticeYear);
		}

		int yearOf(int index) {
			return index < firstMonthIndex ? solsticeYear : solsticeYear + 1;
		}

		int find(int month, boolean isLeap) {
			for (int i = 0; i < months.length; i++) {
				if (months[i] == month && leap[i] == isLeap) {
					return i;
				}
			}
			return -1;
		}
	}
}
