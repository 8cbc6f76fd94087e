package vn.dondoc.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.unit.UnitSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading rules, each on a small text of its own, and two whole conclusions of other styles than the seed. */
class ConclusionReaderTest {

	static final VietnamCalendar CALENDAR = new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));

	static final ConclusionReader READER = new ConclusionReader(new UnitDirectory(new UnitSettings(Path.of("config/units.yml"))),
			new DeadlineParser(CALENDAR), CALENDAR, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));

	static Draft read(String text) {
		return READER.draft(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
	}

	static Draft.Directive section(Draft draft, String section) {
		return draft.document().directives().stream().filter(d -> d.section().equals(section)).findFirst()
			.orElseThrow(() -> new AssertionError("no section " + section + " in " + draft.document().directives()));
	}

	@Test
	void readsTheHeaderNumberPlaceAndDateTitleAndSigner() {
		Draft draft = read("""
				THÀNH ỦY HẢI PHÒNG
				Số 215-KL/TU
				ĐẢNG CỘNG SẢN VIỆT NAM
				Hải Phòng, ngày 09 tháng 10 năm 2025
				KẾT LUẬN
				CỦA BAN THƯỜNG VỤ THÀNH ỦY VỀ CÔNG TÁC CÁN BỘ
				- Giao Ban Tổ chức Thành ủy báo cáo trước ngày 30/10/2025.
				T/M BAN THƯỜNG VỤ
				BÍ THƯ
				Lê Văn Chính
				""");
		assertThat(draft.document().code()).isEqualTo("215-KL/TU");
		assertThat(draft.document().issuedOn()).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(draft.document().issuedBy()).isEqualTo("THÀNH ỦY HẢI PHÒNG");
		assertThat(draft.document().title()).isEqualTo("Kết luận của Ban Thường vụ Thành ủy về công tác cán bộ");
		assertThat(draft.document().signer()).isEqualTo("Lê Văn Chính, Bí thư (T/M Ban Thường vụ)");
		assertThat(draft.warnings()).isEmpty();
	}

	@Test
	void aMissingNumberOrDateIsAWarningNotAGuessLeftSilent() {
		Draft draft = read("""
				KẾT LUẬN
				Ngày 05/3/2025, Ban Thường vụ Thành ủy họp.
				- Giao Ban Dân vận Thành ủy hướng dẫn trong tháng 4/2025.
				""");
		assertThat(draft.document().issuedOn()).isEqualTo(LocalDate.of(2025, 3, 5));
		assertThat(draft.warnings()).anyMatch(w -> w.contains("ngày họp 05/03/2025")).anyMatch(w -> w.contains("số, ký hiệu"))
			.anyMatch(w -> w.contains("người ký"));
	}

	@Test
	void roleWordsDecideLeadAndCoordinatingUnitsByNameShortFormOrGroup() {
		Draft draft = read("""
				Số 1-KL/TU
				Hải Phòng, ngày 02 tháng 01 năm 2026
				KẾT LUẬN
				1. Nhiệm vụ
				- Giao UBKT Thành ủy chủ trì, phối hợp với Ban Nội chính và BCS đảng UBND TP kiểm tra việc thực hiện, xong trong quý I năm 2026.
				- Đề nghị các quận ủy, huyện ủy quán triệt Kết luận trước ngày 20/01/2026.
				- Ban Tuyên giáo Thành ủy chủ trì tổng hợp ý kiến, gửi về Văn phòng Thành ủy trong tháng 3/2026.
				- Yêu cầu Sở Xây dựng rà soát quy hoạch trong tháng 6/2026.
				""");
		Draft.Directive first = section(draft, "1.1");
		assertThat(first.lead()).containsExactly("uy-ban-kiem-tra");
		assertThat(first.coordinating()).containsExactly("ban-noi-chinh", "bcsd-ubnd");
		assertThat(first.due()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(section(draft, "1.2").lead()).containsExactly("@quan-uy-huyen-uy");
		Draft.Directive third = section(draft, "1.3");
		assertThat(third.lead()).containsExactly("ban-tuyen-giao");
		assertThat(third.coordinating()).containsExactly("van-phong-thanh-uy");
		// a unit the directory does not have: named in a warning, never guessed
		assertThat(section(draft, "1.4").lead()).isEmpty();
		assertThat(draft.warnings()).anyMatch(w -> w.contains("«Sở Xây dựng» không có trong danh mục"));
	}

	@Test
	void citedDocumentsPlanHorizonsAndTheMeetingDayAreNotDeadlines() {
		Draft draft = read("""
				Số 2-KL/TU
				Hải Phòng, ngày 02 tháng 01 năm 2026
				KẾT LUẬN
				Ngày 28/12/2025, Ban Thường vụ Thành ủy họp.
				1. Nhiệm vụ
				- Giao Ban Tuyên giáo Thành ủy tổng kết Chỉ thị số 28-CT/TW, ngày 21/12/2023 của Ban Bí thư về kỷ niệm 80 năm (1945 - 2025).
				- Giao Ban cán sự đảng UBND thành phố triển khai quy hoạch thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.
				""");
		assertThat(section(draft, "1.1").deadline()).isNull();
		assertThat(section(draft, "1.1").due()).isNull();
		assertThat(section(draft, "1.2").deadline()).isNull();
	}

	@Test
	void aHeadingsAddresseesAndPeriodAreInheritedUnlessAnItemNamesItsOwn() {
		Draft draft = read("""
				Số 3-KL/TU
				Hải Phòng, ngày 05 tháng 01 năm 2026
				KẾT LUẬN
				I. NHIỆM VỤ TRỌNG TÂM QUÝ I NĂM 2026
				Ban Thường vụ yêu cầu Ban Tổ chức Thành ủy, Ban Dân vận Thành ủy tập trung thực hiện:
				- Rà soát quy hoạch cán bộ.
				- Tiếp tục đổi mới phương thức lãnh đạo.
				- Hoàn thành đánh giá cán bộ trước ngày 15/02/2026.
				- Đảng đoàn HĐND thành phố định kỳ hằng quý báo cáo tiến độ.
				- Giao Ban cán sự đảng UBND thành phố trình đề án trước khi trình Hội đồng nhân dân thành phố thông qua.
				""");
		Draft.Directive inherited = section(draft, "I.1");
		assertThat(inherited.lead()).containsExactly("ban-to-chuc", "ban-dan-van");
		assertThat(inherited.deadline()).isEqualTo("trong quý I năm 2026");
		assertThat(inherited.due()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(section(draft, "I.2").deadline()).isEqualTo("tiếp tục");
		assertThat(section(draft, "I.2").due()).as("ongoing work has no final date").isNull();
		assertThat(section(draft, "I.3").due()).as("15/02/2026, or the working day after it")
			.isEqualTo(new DeadlineParser(CALENDAR).parse("trước ngày 15/02/2026", LocalDate.of(2026, 1, 5)).dueDate());
		assertThat(section(draft, "I.4").lead()).containsExactly("dd-hdnd");
		assertThat(section(draft, "I.4").deadline()).as("«định kỳ hằng quý», as the calendar reads it").isEqualTo("hằng quý");
		assertThat(section(draft, "I.5").deadline()).startsWith("trước khi trình Hội đồng nhân dân");
		assertThat(section(draft, "I.5").due()).as("an event, not a date").isNull();
		assertThat(section(draft, "I.5").confidence()).isGreaterThan(inherited.confidence());
	}

	@Test
	void wordsSpacesAndSoftHyphensFromWordAreNormalisedFirst() {
		// decomposed "Tổ chức", a non-breaking space and a soft hyphen inside "Thành ủy"
		String decomposed = java.text.Normalizer.normalize("Tổ chức", java.text.Normalizer.Form.NFD);
		Draft draft = read("Số 4-KL/TU\nHải Phòng, ngày 05 tháng 01 năm 2026\nKẾT LUẬN\n- Giao Ban " + decomposed
				+ "\u00A0Thành\u00ADủy báo cáo trong tháng 2/2026.\n");
		assertThat(draft.document().directives().get(0).lead()).containsExactly("ban-to-chuc");
	}

	@Test
	void agreementsAndAssessmentsAreNotDirectives() {
		Draft draft = read("""
				Số 5-KL/TU
				Hải Phòng, ngày 05 tháng 01 năm 2026
				KẾT LUẬN
				1. Kết quả thực hiện
				- Ban Tổ chức Thành ủy đã hoàn thành tốt nhiệm vụ quý IV năm 2025.
				2. Ý kiến của Hội nghị
				- Ban Chấp hành cơ bản nhất trí với đề xuất của Ban cán sự đảng UBND thành phố.
				- Ủy quyền Ban Thường vụ Thành ủy xem xét, quyết định.
				- Giao Văn phòng Thành ủy theo dõi, đôn đốc thường xuyên.
				""");
		assertThat(draft.document().directives()).extracting(Draft.Directive::lead).containsExactly(List.of("van-phong-thanh-uy"));
		assertThat(draft.document().directives().get(0).deadline()).isEqualTo("thường xuyên");
	}

	@Test
	void aWholeThongBaoKetLuanWithLetteredItems() throws IOException {
		Draft draft = read(Files.readString(Path.of("src/test/resources/conclusions/thong-bao-ket-luan-huyen.txt")));
		assertThat(draft.document().code()).isEqualTo("215-TB/TU");
		assertThat(draft.document().issuedOn()).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(draft.document().signer()).isEqualTo("Nguyễn Văn An, Chánh Văn phòng (T/L Ban Thường vụ)");
		assertThat(draft.document().directives()).extracting(Draft.Directive::section)
			.containsExactly("2.a", "2.b", "2.c", "3.1", "3.2", "3.3");
		assertThat(section(draft, "2.a").lead()).containsExactly("hu-an-lao");
		assertThat(section(draft, "2.a").due()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(section(draft, "2.b").coordinating()).containsExactly("van-phong-thanh-uy");
		assertThat(section(draft, "2.b").deadline()).isEqualTo("trong tháng 11/2025");
		assertThat(section(draft, "2.b").due()).as("30/11/2025 is a Sunday: the next working day")
			.isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(section(draft, "2.c").deadline()).isEqualTo("thường xuyên");
		assertThat(section(draft, "3.1").lead()).containsExactly("ban-to-chuc");
		assertThat(section(draft, "3.1").coordinating()).containsExactly("hu-an-lao");
		assertThat(section(draft, "3.1").due()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(section(draft, "3.2").lead()).containsExactly("bcsd-ubnd");
		assertThat(section(draft, "3.2").due()).as("30 days from signing").isNotNull();
		assertThat(section(draft, "3.3").lead()).isEmpty();
		assertThat(draft.warnings()).anyMatch(w -> w.contains("Sở Xây dựng"));
	}

	@Test
	void aWholeKetLuanWithRomanPartsAndNumberedAssignments() throws IOException {
		Draft draft = read(Files.readString(Path.of("src/test/resources/conclusions/ket-luan-hoi-nghi-quy.txt")));
		assertThat(draft.document().code()).isEqualTo("48-KL/TU");
		assertThat(draft.document().title()).isEqualTo("Kết luận hội nghị Ban Thường vụ Thành ủy về nhiệm vụ trọng tâm quý I năm 2026");
		assertThat(draft.document().directives()).extracting(Draft.Directive::section)
			.containsExactly("I.1", "I.2", "I.3", "II.1", "II.2", "II.3");
		assertThat(section(draft, "I.1").lead()).containsExactly("@quan-uy-huyen-uy", "@dang-uy-truc-thuoc");
		assertThat(section(draft, "I.1").due()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(section(draft, "II.1").lead()).containsExactly("uy-ban-kiem-tra");
		assertThat(section(draft, "II.1").coordinating()).containsExactly("ban-noi-chinh");
		assertThat(section(draft, "II.2").deadline()).isEqualTo("hằng quý");
		assertThat(section(draft, "II.2").due()).isNull();
		assertThat(section(draft, "II.3").due()).isNull();
		assertThat(section(draft, "II.3").deadline()).startsWith("trước kỳ họp thứ 30");
	}

}
