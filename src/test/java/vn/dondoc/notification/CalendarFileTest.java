package vn.dondoc.notification;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFileTest {

	private static final LinkSettings LINKS = new LinkSettings("https://dondoc.thanhuy-haiphong.example/");

	private static final Instant NOW = Instant.parse("2023-06-20T01:00:00Z");

	@Test
	void carriesTheDueDateAsAnAllDayEventWithAStableUid() throws Exception {
		CalendarFile.Attachment file = CalendarFile.of(Requests.reminder("k1"), LINKS, "thanhuy-haiphong.example", NOW)
			.orElseThrow();

		VEvent event = parse(file).<VEvent>getComponents("VEVENT").get(0);
		assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(event.getUid().orElseThrow().getValue())
			.isEqualTo(CalendarFile.uid(Requests.DIRECTIVE, "ban-to-chuc", "thanhuy-haiphong.example"));
		assertThat(event.getSequence().getSequenceNo()).isZero();
		assertThat(event.getSummary().getValue()).startsWith("Hạn: Giao Ban Tổ chức Thành ủy");
		assertThat(event.getDescription().getValue()).contains("Thứ Sáu, 30/06/2023")
			.contains("Báo cáo kết quả trên dondoc: https://dondoc.thanhuy-haiphong.example/directives/KL-HNTU11-KXVI%2FI.2.3.1")
			.doesNotContain("/camunda");
		assertThat(event.getUrl().getValue())
			.isEqualTo("https://dondoc.thanhuy-haiphong.example/directives/KL-HNTU11-KXVI%2FI.2.3.1");
	}

	@Test
	void anExtensionKeepsTheUidAndRaisesTheSequence() throws Exception {
		CalendarFile.Attachment first = CalendarFile.of(Requests.reminder("k1"), LINKS, "d.example", NOW).orElseThrow();
		CalendarFile.Attachment moved = CalendarFile.of(Requests.extended("k2", LocalDate.of(2023, 7, 31), 1), LINKS,
				"d.example", NOW).orElseThrow();

		VEvent before = parse(first).<VEvent>getComponents("VEVENT").get(0);
		VEvent after = parse(moved).<VEvent>getComponents("VEVENT").get(0);
		assertThat(after.getUid()).isEqualTo(before.getUid());
		assertThat(after.getSequence().getSequenceNo()).isEqualTo(1);
		assertThat(after.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 7, 31));
		assertThat(after.getDescription().getValue()).contains("hạn ban đầu 30/06/2023");
	}

	@Test
	void escalationsAndTasksWithoutADateHaveNoCalendarFile() {
		assertThat(CalendarFile.of(Requests.escalation("k"), LINKS, "d.example", NOW)).isEmpty();
		NotificationRequest r = Requests.reminder("k");
		NotificationRequest ongoing = new NotificationRequest("k", r.kind(), r.to(), r.cc(), r.directiveId(),
				r.documentCode(), r.documentTitle(), r.section(), r.directiveText(), r.leadUnitCode(), r.leadUnitName(),
				null, null, 0, null, r.taskId(), r.recipientNames());
		assertThat(CalendarFile.of(ongoing, LINKS, "d.example", NOW)).isEmpty();
	}

	@Test
	void aDigestFileHoldsOneEventPerReminder() throws Exception {
		CalendarFile.Attachment file = CalendarFile.of(List.of(Requests.reminder("a"), Requests.extended("b",
				LocalDate.of(2023, 7, 31), 2)), LocalDate.of(2023, 6, 26), LINKS, "d.example", NOW).orElseThrow();
		assertThat(parse(file).<VEvent>getComponents("VEVENT")).hasSize(2);
		assertThat(file.name()).isEqualTo("Hạn các nhiệm vụ 26-06-2023.ics");
		assertThat(file.asciiName()).isEqualTo("Han-cac-nhiem-vu-26-06-2023.ics");
	}

	@Test
	void namesTheFileInAsciiAndInRfc2231Vietnamese() {
		CalendarFile.Attachment file = CalendarFile.of(Requests.reminder("k1"), LINKS, "d.example", NOW).orElseThrow();
		assertThat(file.asciiName()).isEqualTo("Han-KL-HNTU11-KXVI-muc-I.2.3.1.ics");
		assertThat(file.name()).isEqualTo("Hạn KL-HNTU11-KXVI mục I.2.3.1.ics");
		assertThat(file.disposition()).isEqualTo("attachment; filename=\"Han-KL-HNTU11-KXVI-muc-I.2.3.1.ics\"; "
				+ "filename*=UTF-8''H%E1%BA%A1n%20KL-HNTU11-KXVI%20m%E1%BB%A5c%20I.2.3.1.ics");
		assertThat(CalendarFile.ascii("Đảng đoàn HĐND / quý II")).isEqualTo("Dang-doan-HDND-quy-II");
	}

	private static Calendar parse(CalendarFile.Attachment file) throws Exception {
		return new CalendarBuilder().build(new ByteArrayInputStream(file.content()));
	}

}
