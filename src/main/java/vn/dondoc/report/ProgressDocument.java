package vn.dondoc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

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
final class ProgressDocument {

	static final String FONT = "Times New Roman";

	// twentieths of a point: A4 is 210 × 297 mm
	static final int A4_WIDTH = 11906;

	static final int A4_HEIGHT = 16838;

	static final int MARGIN_TOP = mm(20);

	static final int MARGIN_BOTTOM = mm(20);

	static final int MARGIN_LEFT = mm(30);

	static final int MARGIN_RIGHT = mm(15);

	/** The width of the text between the margins. */
	static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int BODY = 14;

	private static final int TABLE = 13;

	/** Lines left for the office's assessment. */
	private static final int ASSESSMENT_LINES = 8;

	private final XWPFDocument doc = new XWPFDocument();

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

	private void page() {
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		fonts.setCs(FONT);
		fonts.setEastAsia(FONT);
		doc.createStyles().setDefaultFonts(fonts);
		CTBody body = doc.getDocument().getBody();
		CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(A4_WIDTH));
		size.setH(BigInteger.valueOf(A4_HEIGHT));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(mm(10)));
		margins.setFooter(BigInteger.valueOf(mm(10)));
		margins.setGutter(BigInteger.ZERO);
		// the first page carries no number (Hướng dẫn 36): an empty first-page header, the number from page 2
		section.addNewTitlePg();
		doc.createHeader(HeaderFooterType.FIRST).createParagraph();
		XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
		XWPFParagraph number = header.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		field(number, "PAGE");
	}

	/** A field Word and LibreOffice both compute (begin, instruction, separator, a shown value, end). */
	private static void field(XWPFParagraph paragraph, String instruction) {
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		font(paragraph.createRun(), BODY).getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		font(paragraph.createRun(), BODY).setText("2");
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
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

	private void heading(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(mm(10));
		paragraph.setSpacingBefore(120);
		paragraph.setSpacingAfter(120);
		paragraph.setKeepNext(true);
		text(paragraph, text, BODY, true, false);
	}

	private void body(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(mm(10));
		paragraph.setSpacingAfter(120);
		text(paragraph, text, BODY, false, false);
	}

	private void note(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setSpacingBefore(60);
		paragraph.setSpacingAfter(120);
		text(paragraph, text, 12, false, true);
	}

	/** A line of dots from margin to margin (a tab with a dotted leader): room to write in. */
	private void dottedLine() {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setSpacingAfter(120);
		CTTabStop tab = paragraph.getCTP().addNewPPr().addNewTabs().addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setLeader(STTabTlc.DOT);
		tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
		font(paragraph.createRun(), BODY).addTab();
	}

	private void blank(int size) {
		font(doc.createParagraph().createRun(), size).setText("");
	}

	private XWPFParagraph centered(int after) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.setSpacingAfter(after);
		paragraph.setKeepNext(true);
		return paragraph;
	}

	/** A bordered table of the text's width, its first row the header (repeated on each page). */
	private XWPFTable table(List<String> headers, List<Integer> percents) {
		XWPFTable table = doc.createTable(1, headers.size());
		widths(table, percents.stream().mapToInt(Integer::intValue).toArray());
		table.setCellMargins(0, mm(1), 0, mm(1));
		XWPFTableRow header = table.getRow(0);
		header.setRepeatHeader(true);
		header.setCantSplitRow(true);
		for (int i = 0; i < headers.size(); i++) {
			XWPFParagraph paragraph = first(header.getCell(i));
			paragraph.setAlignment(ParagraphAlignment.CENTER);
			text(paragraph, headers.get(i), TABLE, true, false);
		}
		return table;
	}

	private static void summaryRow(XWPFTable table, String label, long count, long total, boolean bold) {
		String share = total == 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * count / total).replace('.', ',') + "%";
		row(table, bold, label, String.valueOf(count), share);
	}

	/** A row: the first cells as text (left), numbers centred. */
	private static void row(XWPFTable table, boolean bold, String... cells) {
		XWPFTableRow row = table.createRow();
		row.setCantSplitRow(true);
		for (int i = 0; i < cells.length; i++) {
			XWPFParagraph paragraph = first(row.getCell(i));
			String value = cells[i] == null ? "" : cells[i];
			paragraph.setAlignment(value.matches("[0-9.,/%-]*|\\d{2}/\\d{2}/\\d{4}") ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
			text(paragraph, value, TABLE, bold, false);
		}
	}

	private static void line(XWPFTableCell cell, String text, int size, boolean bold, boolean italic, boolean underline) {
		XWPFParagraph paragraph = first(cell);
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun run = text(paragraph, text, size, bold, italic);
		if (underline) {
			run.setUnderline(UnderlinePatterns.SINGLE);
		}
	}

	private static void leftLine(XWPFTableCell cell, String text) {
		XWPFParagraph paragraph = first(cell);
		paragraph.setAlignment(ParagraphAlignment.LEFT);
		text(paragraph, text, 11, false, false);
	}

	private static XWPFParagraph first(XWPFTableCell cell) {
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	private static XWPFRun text(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
		XWPFRun run = font(paragraph.createRun(), size);
		run.setBold(bold);
		run.setItalic(italic);
		String[] lines = (text == null ? "" : text).split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak();
			}
			run.setText(lines[i], i);
		}
		return run;
	}

	private static XWPFRun font(XWPFRun run, int size) {
		run.setFontFamily(FONT);
		run.setFontSize(size);
		return run;
	}

	/** Fixed column widths, as shares of the text's width, so that Word and LibreOffice lay the table out alike. */
	private static void widths(XWPFTable table, int... percents) {
		table.setWidth(String.valueOf(TEXT_WIDTH));
		table.setTableAlignment(TableRowAlign.CENTER);
		table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
		int[] twips = new int[percents.length];
		for (int i = 0; i < percents.length; i++) {
			twips[i] = TEXT_WIDTH * percents[i] / 100;
		}
		var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : twips) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		for (XWPFTableRow row : table.getRows()) {
			for (int i = 0; i < row.getTableCells().size() && i < twips.length; i++) {
				row.getCell(i).setWidth(String.valueOf(twips[i]));
			}
		}
	}

	private static void noBorders(XWPFTable table) {
		table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
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

	/** Millimetres in twentieths of a point, rounded up (15 mm is a margin of 15 mm, not 14.99). */
	static int mm(double millimetres) {
		return (int) Math.ceil(millimetres * 1440 / 25.4);
	}

}
