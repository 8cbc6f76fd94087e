package vn.dondoc.calendar;

/** How a deadline phrase fixes its date. */
public enum DeadlineKind {
	/** A date written out: "trước ngày 20/4/2023", "trước 30/6". */
	FIXED_DATE,
	/** The end (or the day Điều 146 BLDS names) of a period: "trong quý II năm 2023", "cuối năm", "đầu tháng 7". */
	END_OF_PERIOD,
	/** A number of working days from the issue date: "trong 15 ngày làm việc". */
	WORKING_DAYS,
	/** A number of calendar days, weeks, months or years from the issue date: "trong 10 ngày kể từ ngày ký". */
	CALENDAR_DAYS,
	/** No due date: "thường xuyên", "tiếp tục"; reported periodically. */
	ONGOING,
	/** Due on an event whose date is not known yet: "trước khi trình HĐND thành phố". */
	EVENT
}
