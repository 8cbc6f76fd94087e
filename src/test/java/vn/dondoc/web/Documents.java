package vn.dondoc.web;

import java.time.LocalDate;
import java.time.ZoneId;

/** Small documents for the dashboard tests, dated around today so that their deadlines lie ahead (or just behind). */
final class Documents {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private Documents() {
	}

	static LocalDate today() {
		return LocalDate.now(VIETNAM);
	}

	/**
	 * Section 1: Ban Tổ chức leads, Ban Tuyên giáo coordinates, due in 20 days. Section 2: Ban Tuyên giáo
	 * leads, due in 10 days. Section 3: Ban Dân vận, ongoing ("tiếp tục"). Section 4: Ban Tuyên giáo, due 5
	 * days ago (late).
	 */
	static String of(String code) {
		LocalDate today = today();
		return """
				code: %s
				title: "Thông báo kết luận kiểm thử bảng theo dõi %s"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ <thử nghiệm & kiểm tra>."
				    lead: [ban-to-chuc]
				    coordinating: [ban-tuyen-giao]
				    dueDate: %s
				  - section: "2"
				    text: "Giao Ban Tuyên giáo Thành ủy tổng hợp ý kiến góp ý bản thảo cuốn Lịch sử Đảng bộ thành phố."
				    lead: [ban-tuyen-giao]
				    dueDate: %s
				  - section: "3"
				    text: "Ban Dân vận Thành ủy tiếp tục hướng dẫn các địa phương về công tác dân vận."
				    lead: [ban-dan-van]
				    deadline: "tiếp tục"
				  - section: "4"
				    text: "Giao Ban Tuyên giáo Thành ủy báo cáo kết quả tuyên truyền quý."
				    lead: [ban-tuyen-giao]
				    dueDate: %s
				""".formatted(code, code, today.minusDays(30), today.plusDays(20), today.plusDays(10), today.minusDays(5));
	}

	/** A document with three mistakes: an unknown unit, an unreadable deadline, a missing text. */
	static String invalid(String code) {
		return """
				code: %s
				title: "Văn bản có lỗi"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Giao Ban Không Có báo cáo."
				    lead: [ban-khong-co]
				    deadline: "trong quý II năm 2023"
				  - section: "2"
				    text: "Giao Ban Tổ chức Thành ủy báo cáo."
				    lead: [ban-to-chuc]
				    deadline: "vào một ngày đẹp trời"
				  - section: "3"
				    lead: [ban-to-chuc]
				    deadline: "trong quý II năm 2023"
				""".formatted(code, "2023-04-13");
	}

}
