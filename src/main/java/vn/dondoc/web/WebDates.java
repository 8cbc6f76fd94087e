package vn.dondoc.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Dates as Vietnamese readers write them (dd/MM/yyyy), in Vietnam's time zone; {@code @webDates} in templates. */
@Component("webDates")
class WebDates {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

	public String day(LocalDate day) {
		return day == null ? "" : day.format(DAY);
	}

	public String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	/** The Vietnamese name of a reminder step's message kind. */
	public String kind(String kind) {
		return kindLabel(kind);
	}

	static String kindLabel(String kind) {
		return switch (kind == null ? "" : kind) {
			case "ASSIGNMENT" -> "Giao nhiệm vụ";
			case "REMINDER" -> "Nhắc hạn";
			case "DUE_SOON" -> "Sắp đến hạn";
			case "DUE_TODAY" -> "Đến hạn hôm nay";
			case "OVERDUE" -> "Quá hạn";
			case "ESCALATION" -> "Cảnh báo leo thang";
			default -> kind;
		};
	}

	public String quarter(String quarter) {
		return DirectiveQuery.quarterLabel(quarter);
	}

}
