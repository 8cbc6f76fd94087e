package vn.dondoc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import vn.dondoc.directive.DirectiveCatalog.DocumentSummary;
import vn.dondoc.report.ProgressReports.Figures;
import vn.dondoc.report.ProgressReports.GrantedExtension;
import vn.dondoc.report.ProgressReports.OverduePart;
import vn.dondoc.report.ProgressReports.Summary;
import vn.dondoc.report.ProgressReports.UnitRow;

/**
 * The report as a Party document (Hướng dẫn 36-HD/VPTW): A4 with the administrative margins, Times New Roman,
 * the issuing body top left and "ĐẢNG CỘNG SẢN VIỆT NAM" top right, number left blank, place and date in words,
 * title, contents, the office's assessment left to write, signature block; page numbers at the top from page 2.
 */
final class ProgressDocument extends PartyDocumentLayout {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int ASSESSMENT_LINES = 8;

	private final Figures figures;

	private final ProgressReportSettings settings;

	private ProgressDocument(Figures figures, ProgressReportSettings settings) {
		this.figures = figures;
		this.settings = settings;
	}

	static byte[] write(Figures figures, ProgressReportSettings settings) {
		ProgressDocument document = new ProgressDocument(figures, settings);
		try (XWPFDocument doc = document.doc) {
			document.page();
			document.heading();
			document.contents();
			document.signature();
			doc.getProperties().getCoreProperties().setTitle(title(figures));
			doc.getProperties().getCoreProperties().setCreator("dondoc");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không tạo được tệp báo cáo", e);
		}
	}

	/** Kinds of document, longest first, as their titles start. */
	private static final List<String> KINDS = List.of("Thông báo kết luận", "Kết luận", "Nghị quyết", "Chỉ thị", "Thông báo",
			"Quyết định", "Kế hoạch", "Chương trình");

	/**
	 * "Tình hình thực hiện Kết luận số KL-45 ngày 13/04/2023 Hội nghị Thành ủy lần thứ 11 …": what the report is about,
	 * under the word BÁO CÁO; the document's kind is read from the start of its title.
	 */
	static String title(Figures figures) {
		ProgressReports.Scope scope = figures.scope();
		StringBuilder title = new StringBuilder("Tình hình thực hiện ");
		if (scope.document() != null) {
			DocumentSummary document = figures.documents().stream().filter(d -> d.code().equals(scope.document())).findFirst()
				.orElse(null);
			title.append(document == null ? "văn bản số " + scope.document() : reference(document));
		}
		else {
			title.append("các nhiệm vụ được giao");
		}
		if (scope.period()) {
			title.append(scope.document() != null ? ", phần việc có thời hạn" : " có thời hạn").append(" từ ngày ")
				.append(scope.from().format(DAY)).append(" đến ngày ").append(scope.to().format(DAY));
		}
		return title.toString();
	}

	/** "Kết luận số KL-45 ngày 13/04/2023 Hội nghị Thành ủy lần thứ 11, khóa XVI". */
	static String reference(DocumentSummary document) {
		String title = document.title() == null ? "" : document.title().strip();
		String kind = KINDS.stream().filter(k -> title.toLowerCase(Locale.ROOT).startsWith(k.toLowerCase(Locale.ROOT))).findFirst()
			.orElse(null);
		String rest = kind == null ? title : title.substring(kind.length()).strip();
		StringBuilder reference = new StringBuilder(kind == null ? "văn bản" : kind).append(" số ").append(document.code());
		if (document.issuedOn() != null) {
			reference.append(" ngày ").append(document.issuedOn().format(DAY));
		}
		if (!rest.isEmpty()) {
			reference.append(kind == null ? " về " : " ").append(rest);
		}
		return reference.toString();
	}

	/** "Hải Phòng, ngày 02 tháng 12 năm 2026": days under 10 and the months 1 and 2 with a leading zero. */
	static String placeAndDate(String place, LocalDate day) {
		int month = day.getMonthValue();
		return place + ", ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng " + (month <= 2 ? "0" + month : month)
				+ " năm " + day.getYear();
	}

	/** The two columns above the title: the issuing body and the number; the Party's name, place and date. */
	private void heading() {
		XWPFTable table = doc.createTable(4, 2);
		noBorders(table);
		widths(table, 42, 58);
		line(table.getRow(0).getCell(0), settings.issuer(), 14, false, false, false);
		line(table.getRow(0).getCell(1), "ĐẢNG CỘNG SẢN VIỆT NAM", 15, true, false, true);
		line(table.getRow(1).getCell(0), settings.office(), 14, true, false, false);
		line(table.getRow(1).getCell(1), "", 14, false, false, false);
		line(table.getRow(2).getCell(0), "*", 14, false, false, false);
		line(table.getRow(2).getCell(1), placeAndDate(settings.place(), figures.asOf()), 14, false, true, false);
		line(table.getRow(3).getCell(0), "Số         " + settings.symbol(), 14, false, false, false);
		line(table.getRow(3).getCell(1), "", 14, false, false, false);

		blank(BODY);
		XWPFParagraph report = centered(0);
		text(report, "BÁO CÁO", 16, true, false);
		XWPFParagraph about = centered(0);
		text(about, title(figures), BODY, true, false);
		XWPFParagraph rule = centered(240);
		text(rule, "-----", BODY, false, false);
	}

	private void contents() {
		Summary s = figures.summary();
		heading("I. VĂN BẢN, NHIỆM VỤ ĐƯỢC THEO DÕI");
		if (figures.documents().isEmpty()) {
			body("Không có văn bản nào có nhiệm vụ trong phạm vi báo cáo.");
		}
		for (DocumentSummary document : figures.documents()) {
			StringBuilder line = new StringBuilder(capitalized(reference(document)));
			if (document.issuedBy() != null && !document.issuedBy().isBlank()) {
				line.append(" của ").append(document.issuedBy());
			}
			if (document.signer() != null && !document.signer().isBlank()) {
				line.append(" (").append(document.signer()).append(" ký)");
			}
			line.append(". Văn bản giao ").append(document.directives()).append(" nhiệm vụ, ").append(document.unitParts())
				.append(" lượt đơn vị thực hiện.");
			body(line.toString());
		}
		body("Số liệu dưới đây được tổng hợp từ hệ thống theo dõi, đôn đốc thực hiện nhiệm vụ (dondoc) đến ngày "
				+ figures.asOf().format(DAY) + "; mỗi phần việc là phần nhiệm vụ giao cho một đơn vị chủ trì"
				+ (figures.scope().period() ? ", có thời hạn từ ngày " + figures.scope().from().format(DAY) + " đến ngày "
						+ figures.scope().to().format(DAY) : "") + ".");

		heading("II. KẾT QUẢ THỰC HIỆN");
		heading("1. Tổng hợp chung");
		XWPFTable summary = table(List.of("Nội dung", "Số phần việc", "Tỷ lệ"), List.of(62, 19, 19));
		summaryRow(summary, "Tổng số phần việc được giao cho đơn vị chủ trì", s.assigned(), s.assigned(), true);
		summaryRow(summary, "Đã hoàn thành đúng hạn", s.doneOnTime(), s.assigned(), false);
		summaryRow(summary, "Đã hoàn thành nhưng quá hạn", s.doneLate(), s.assigned(), false);
		summaryRow(summary, "Đang thực hiện, còn trong hạn" + (s.dueSoon() > 0 ? " (trong đó " + s.dueSoon() + " sắp đến hạn)" : ""),
				s.inProgress(), s.assigned(), false);
		summaryRow(summary, "Quá hạn, chưa hoàn thành", s.overdue(), s.assigned(), false);
		summaryRow(summary, "Chờ sự kiện (chưa có thời hạn)", s.awaitingEvent(), s.assigned(), false);
		summaryRow(summary, "Thực hiện thường xuyên (không thời hạn)", s.ongoing(), s.assigned(), false);

		heading("2. Kết quả theo đơn vị chủ trì");
		if (figures.units().isEmpty()) {
			body("Không có đơn vị chủ trì nào trong phạm vi báo cáo.");
		}
		else {
			XWPFTable units = table(List.of("TT", "Đơn vị chủ trì", "Số phần việc", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
					"Đang thực hiện", "Quá hạn"), List.of(7, 33, 12, 12, 12, 12, 12));
			int n = 0;
			for (UnitRow row : figures.units()) {
				row(units, false, String.valueOf(++n), row.name(), String.valueOf(row.parts()), String.valueOf(row.doneOnTime()),
						String.valueOf(row.doneLate()), String.valueOf(row.inProgress()), String.valueOf(row.overdue()));
			}
			row(units, true, "", "Tổng cộng", String.valueOf(s.assigned()), String.valueOf(s.doneOnTime()), String.valueOf(s.doneLate()),
					String.valueOf(s.inProgress() + s.awaitingEvent() + s.ongoing()), String.valueOf(s.overdue()));
			note("Cột «Đang thực hiện» gồm cả phần việc chờ sự kiện và phần việc thực hiện thường xuyên.");
		}

		heading("3. Nhiệm vụ quá hạn, chưa hoàn thành");
		if (figures.overdue().isEmpty()) {
			body("Không có phần việc nào quá hạn mà chưa hoàn thành.");
		}
		else {
			body("Có " + figures.overdue().size() + " phần việc quá hạn mà đơn vị chủ trì chưa báo cáo hoàn thành:");
			boolean several = figures.documents().size() > 1;
			XWPFTable late = table(List.of("TT", "Mục", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Số ngày quá hạn",
					"Số lần đã nhắc"), List.of(7, 8, 30, 18, 15, 11, 11));
			int n = 0;
			for (OverduePart part : figures.overdue()) {
				row(late, false, String.valueOf(++n), several ? part.documentCode() + " / " + part.section() : part.section(),
						shorten(part.text(), 300), part.unitName(), part.dueDate().format(DAY), String.valueOf(part.daysLate()),
						String.valueOf(part.reminders()));
			}
			note("Số lần đã nhắc: thư nhắc hạn, báo quá hạn và cảnh báo leo thang dondoc đã gửi cho phần việc đó.");
		}

		heading("4. Gia hạn đã được chấp thuận");
		if (figures.extensions().isEmpty()) {
			body("Không có đề nghị gia hạn nào được chấp thuận.");
		}
		else {
			boolean several = figures.documents().size() > 1;
			XWPFTable extended = table(List.of("TT", "Mục", "Đơn vị đề nghị", "Hạn cũ", "Hạn mới", "Lý do", "Người chấp thuận"),
					List.of(7, 8, 18, 15, 15, 21, 16));
			int n = 0;
			for (GrantedExtension extension : figures.extensions()) {
				row(extended, false, String.valueOf(++n),
						several ? extension.documentCode() + " / " + extension.section() : extension.section(), extension.unitName(),
						extension.from() == null ? "" : extension.from().format(DAY), extension.to().format(DAY),
						shorten(extension.reason(), 300), extension.approvedBy());
			}
		}

		heading("III. ĐÁNH GIÁ, ĐỀ XUẤT CỦA VĂN PHÒNG");
		for (int i = 0; i < ASSESSMENT_LINES; i++) {
			dottedLine();
		}
	}

	/** "Nơi nhận" on the left; the authority, the title and room to sign on the right. */
	private void signature() {
		blank(BODY);
		XWPFTable table = doc.createTable(5, 2);
		noBorders(table);
		widths(table, 45, 55);
		XWPFParagraph to = first(table.getRow(0).getCell(0));
		to.setAlignment(ParagraphAlignment.LEFT);
		XWPFRun label = font(to.createRun(), 12);
		label.setText("Nơi nhận:");
		label.setBold(true);
		label.setItalic(true);
		label.setUnderline(UnderlinePatterns.SINGLE);
		line(table.getRow(0).getCell(1), settings.signedFor(), 14, true, false, false);
		leftLine(table.getRow(1).getCell(0), "- Thường trực Thành ủy (để báo cáo),");
		line(table.getRow(1).getCell(1), settings.signerTitle(), 14, true, false, false);
		leftLine(table.getRow(2).getCell(0), "- Ban Thường vụ Thành ủy (để báo cáo),");
		line(table.getRow(2).getCell(1), "", 14, false, false, false);
		leftLine(table.getRow(3).getCell(0), "- Lưu Văn phòng Thành ủy.");
		line(table.getRow(3).getCell(1), "", 14, false, false, false);
		line(table.getRow(4).getCell(0), "", 12, false, false, false);
		line(table.getRow(4).getCell(1), "", 14, false, false, false);
		// Word ends a body with a paragraph, never with a table
		blank(11);
	}

	private static String shorten(String text, int max) {
		if (text == null) {
			return "";
		}
		String one = text.strip();
		return one.length() <= max ? one : one.substring(0, max - 1).stripTrailing() + "…";
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}


}
