package vn.dondoc.calendar;

/** Why a day departs from the plain Monday–Friday working week. */
public enum DayKind {
	/** A holiday of Bộ luật Lao động 2019, Điều 112 (including the days of Tết the government fixes). */
	PUBLIC_HOLIDAY,
	/** The working day given off because a holiday fell on a weekend (Điều 111 khoản 3). */
	COMPENSATORY,
	/** A working day the government swapped into a holiday break, made up on a weekend day. */
	BRIDGE_DAY_OFF,
	/** A Saturday (or Sunday) worked to make up a bridge day off; a working day. */
	MAKEUP_WORKING_SATURDAY;

	/** Whether a day of this kind is a day off. */
	public boolean isDayOff() {
		return this != MAKEUP_WORKING_SATURDAY;
	}
}
