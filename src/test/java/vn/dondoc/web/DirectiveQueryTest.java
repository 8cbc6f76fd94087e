package vn.dondoc.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dondoc.directive.DirectiveStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DirectiveQueryTest {

	@Test
	void readsQuartersTheWayTheOfficeWritesThem() {
		DirectiveQuery q2 = new DirectiveQuery(null, null, null, "2023-Q2", 0);
		assertThat(q2.inQuarter(LocalDate.of(2023, 6, 30))).isTrue();
		assertThat(q2.inQuarter(LocalDate.of(2023, 7, 1))).isFalse();
		assertThat(q2.inQuarter(null)).isFalse();
		assertThat(DirectiveQuery.quarterLabel("2023-Q2")).isEqualTo("Quý II/2023");
		assertThat(DirectiveQuery.quarterOf(LocalDate.of(2026, 11, 28))).isEqualTo("2026-Q4");
		assertThat(DirectiveQuery.firstDayOfNextQuarter(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(DirectiveQuery.firstDayOfNextQuarter(LocalDate.of(2023, 4, 1))).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(q2.quarterDays()).contains(new DirectiveQuery.Quarter(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)));
		assertThat(new DirectiveQuery(null, null, null, "2023-Q5", 0).quarterDays()).isEmpty();
	}

	@Test
	void keepsItsFiltersInLinksAndDropsBlankOnes() {
		DirectiveQuery query = new DirectiveQuery("KL-HNTU11-KXVI", " ", "overdue", "2023-Q2", 2);
		assertThat(query.unit()).isNull();
		assertThat(query.statusValue()).isEqualTo(DirectiveStatus.OVERDUE);
		assertThat(query.url("/directives")).isEqualTo("/directives?document=KL-HNTU11-KXVI&status=overdue&quarter=2023-Q2&page=2");
		assertThat(query.with("ban-to-chuc", "DUE_SOON").url("/directives"))
			.isEqualTo("/directives?document=KL-HNTU11-KXVI&unit=ban-to-chuc&status=DUE_SOON&quarter=2023-Q2");
		assertThat(query.describe(code -> code)).isEqualTo("Quý II/2023, văn bản KL-HNTU11-KXVI, quá hạn");
		assertThat(new DirectiveQuery(null, null, "không biết", null, -1).statusValue()).isNull();
	}

	@Test
	void namesTheWorkbookInVietnameseWithAnAsciiFallback() {
		String name = ExportController.fileName(new DirectiveQuery(null, "ban-to-chuc", null, "2023-Q2", 0), LocalDate.of(2023, 7, 3),
				code -> "Ban Tổ chức Thành ủy");
		assertThat(name).isEqualTo("Theo dõi nhiệm vụ - Quý II-2023 - Ban Tổ chức Thành ủy - 03-07-2023.xlsx");
		assertThat(ExportController.contentDisposition(name)).isEqualTo("attachment; filename=\"Theo doi nhiem vu - Quy II-2023 - Ban To chuc Thanh uy"
				+ " - 03-07-2023.xlsx\"; filename*=UTF-8''Theo%20d%C3%B5i%20nhi%E1%BB%87m%20v%E1%BB%A5%20-%20Qu%C3%BD%20II-2023%20-%20Ban%20T%E1%BB%95"
				+ "%20ch%E1%BB%A9c%20Th%C3%A0nh%20%E1%BB%A7y%20-%2003-07-2023.xlsx");
	}

	@Test
	void readsTypedDays() {
		assertThat(DirectivePageController.parseDay("5/7/2023")).contains(LocalDate.of(2023, 7, 5));
		assertThat(DirectivePageController.parseDay("2023-07-05")).contains(LocalDate.of(2023, 7, 5));
		assertThat(DirectivePageController.parseDay("31/02/2023")).isEmpty();
		assertThat(DirectivePageController.parseDay("")).isEmpty();
	}


	@Test
	void aProcessFilterTravelsInTheUrlAndChoosesWhatIsShown() {
		DirectiveQuery work = new DirectiveQuery(null, "ban-to-chuc", "overdue", null, 0, "kiemTra");
		assertThat(work.url("/directives")).isEqualTo("/directives?unit=ban-to-chuc&status=overdue&process=kiemTra");
		assertThat(work.with(null, "DUE_SOON").url("/directives")).isEqualTo("/directives?status=DUE_SOON&process=kiemTra");
		assertThat(work.describe(code -> "Ban Tổ chức Thành ủy", key -> "Kiểm tra công tác cán bộ"))
			.isEqualTo("Quy trình «Kiểm tra công tác cán bộ», Ban Tổ chức Thành ủy, quá hạn");
		assertThat(work.showsDirectives()).isFalse();
		assertThat(work.showsWork()).isTrue();
		assertThat(work.modelledProcess()).isEqualTo("kiemTra");

		DirectiveQuery conclusions = new DirectiveQuery(null, null, null, null, 0, "directive");
		assertThat(conclusions.showsDirectives()).isTrue();
		assertThat(conclusions.showsWork()).isFalse();
		assertThat(conclusions.describe(code -> code, key -> key)).isEqualTo("Kết luận");

		DirectiveQuery any = new DirectiveQuery(null, null, null, null, 0, " ");
		assertThat(any.showsDirectives()).isTrue();
		assertThat(any.showsWork()).isTrue();
		// work has no document, and the office's review queue holds directives only
		assertThat(new DirectiveQuery("KL-1", null, null, null, 0).showsWork()).isFalse();
		assertThat(new DirectiveQuery(null, null, "AWAITING_REVIEW", null, 0).showsWork()).isFalse();
	}

}
