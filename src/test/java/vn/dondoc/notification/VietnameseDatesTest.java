package vn.dondoc.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseDatesTest {

	@Test
	void writesTheWeekdayInVietnamese() {
		assertThat(VietnameseDates.withWeekday(LocalDate.of(2023, 6, 26))).isEqualTo("Thứ Hai, 26/06/2023");
		assertThat(VietnameseDates.withWeekday(LocalDate.of(2023, 6, 28))).isEqualTo("Thứ Tư, 28/06/2023");
		assertThat(VietnameseDates.withWeekday(LocalDate.of(2023, 6, 30))).isEqualTo("Thứ Sáu, 30/06/2023");
		assertThat(VietnameseDates.withWeekday(LocalDate.of(2023, 7, 1))).isEqualTo("Thứ Bảy, 01/07/2023");
		assertThat(VietnameseDates.withWeekday(LocalDate.of(2023, 7, 2))).isEqualTo("Chủ nhật, 02/07/2023");
	}

	@Test
	void readsInstantsInVietnam() {
		// 17:30 UTC on 30 June is already 1 July in Hải Phòng
		assertThat(VietnameseDates.today(Instant.parse("2023-06-30T17:30:00Z"))).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(VietnameseDates.dateTime(Instant.parse("2023-06-30T01:15:00Z"))).isEqualTo("30/06/2023 08:15");
	}

}
