package vn.dondoc.workflow.lifecycle;

import java.time.LocalDate;
import java.util.Locale;

/** How often a unit reports on ongoing work ("thường xuyên", "tiếp tục"); quarterly unless the directive says otherwise. */
enum ReportingCycle {

	MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

	private final int months;

	ReportingCycle(int months) {
		this.months = months;
	}

	static ReportingCycle of(Object value) {
		if (value == null || value.toString().isBlank()) {
			return QUARTERLY;
		}
		try {
			return valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Kỳ báo cáo không hợp lệ: '" + value + "' (MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY)", e);
		}
	}

	/** The period that contains the day. */
	Period periodOf(LocalDate day) {
		int index = (day.getMonthValue() - 1) / months;
		LocalDate start = LocalDate.of(day.getYear(), index * months + 1, 1);
		LocalDate end = start.plusMonths(months).minusDays(1);
		return new Period(label(start, index), end);
	}

	/** The period after the one that ends on {@code end}. */
	Period after(LocalDate end) {
		return periodOf(end.plusDays(1));
	}

	private String label(LocalDate start, int index) {
		int year = start.getYear();
		return switch (this) {
			case MONTHLY -> "Tháng " + start.getMonthValue() + "/" + year;
			case QUARTERLY -> "Quý " + new String[] { "I", "II", "III", "IV" }[index] + "/" + year;
			case HALF_YEARLY -> (index == 0 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
			case YEARLY -> "Năm " + year;
		};
	}

	/** A reporting period: its Vietnamese name and its last day (the report's due day). */
	record Period(String label, LocalDate end) {
	}

}
