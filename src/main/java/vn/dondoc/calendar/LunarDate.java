package vn.dondoc.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 *
 * @param year  the lunar year, numbered like the Gregorian year in which it mostly falls (Tết 2024 opens lunar year 2024)
 * @param month 1–12; a leap month repeats the number of the month before it
 * @param day   1–30
 * @param leap  whether {@code month} is the leap month (tháng nhuận) of the year
 */
public record LunarDate(int year, int month, int day, boolean leap) {

	public LunarDate {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("Tháng âm lịch phải từ 1 đến 12, không phải " + month);
		}
		if (day < 1 || day > 30) {
			throw new IllegalArgumentException("Ngày âm lịch phải từ 1 đến 30, không phải " + day);
		}
	}

	/** A non-leap lunar date. */
	public static LunarDate of(int year, int month, int day) {
		return new LunarDate(year, month, day, false);
	}

	/** Vietnamese form, e.g. {@code 10/3/2024 âm lịch} or {@code 15/6 nhuận/2025 âm lịch}. */
	@Override
	public String toString() {
		return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " âm lịch";
	}
}
