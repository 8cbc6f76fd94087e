package vn.dondoc.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.work.WorkCatalog;

/**
 * The .xlsx workbook for the quarterly review meeting: sheet "Tổng hợp" with one row per lead unit's part
 * (unit column, dates as real dates shown dd/MM/yyyy, landscape, header repeated on every printed page),
 * and sheet "Thống kê" with the units × status counts.
 */
final class Workbook {

	static final List<String> HEADERS = List.of("STT", "Đơn vị chủ trì", "Văn bản", "Mục", "Nội dung nhiệm vụ", "Thời hạn",
			"Thời hạn ban đầu", "Tình trạng", "Ngày hoàn thành", "Đơn vị phối hợp", "Thời hạn theo văn bản");

	private static final int[] WIDTHS = { 6, 28, 22, 10, 70, 13, 13, 18, 14, 28, 26 };

	private Workbook() {
	}

	static byte[] write(String title, String filters, LocalDate today, List<Dashboard.Upcoming> parts,
			List<WorkCatalog.WorkView> work, List<Dashboard.MatrixRow> matrix, List<Dashboard.Cell> totals) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(book);
			Sheet sheet = book.createSheet("Tổng hợp");
			int r = titles(sheet, styles, title, filters, today, HEADERS.size());
			Row header = sheet.createRow(r);
			for (int c = 0; c < HEADERS.size(); c++) {
				text(header, c, HEADERS.get(c), styles.header);
				sheet.setColumnWidth(c, WIDTHS[c] * 256);
			}
			int headerRow = r++;
			int number = 1;
			for (Dashboard.Upcoming entry : parts) {
				UnitPart part = entry.part();
				Row row = sheet.createRow(r++);
				Cell stt = row.createCell(0);
				stt.setCellValue(number++);
				stt.setCellStyle(styles.center);
				text(row, 1, part.name(), styles.wrap);
				text(row, 2, entry.directive().documentCode(), styles.wrap);
				text(row, 3, entry.directive().section(), styles.wrap);
				text(row, 4, entry.directive().text(), styles.wrap);
				date(row, 5, part.dueDate(), styles);
				date(row, 6, part.originalDueDate() != null && !part.originalDueDate().equals(part.dueDate()) ? part.originalDueDate() : null,
						styles);
				text(row, 7, part.statusLabel(), entry.late() ? styles.late : styles.wrap);
				date(row, 8, part.completedAt() == null ? null : LocalDate.ofInstant(part.completedAt(), WebDates.VIETNAM), styles);
				text(row, 9, entry.directive().units().stream().filter(u -> !Dashboard.LEAD.equals(u.role())).map(UnitPart::name)
					.collect(Collectors.joining("; ")), styles.wrap);
				text(row, 10, entry.directive().deadlineText(), styles.wrap);
			}
			// modelled work: the process where a directive has its document, the instance's key where its section
			for (WorkCatalog.WorkView item : work) {
				Row row = sheet.createRow(r++);
				Cell stt = row.createCell(0);
				stt.setCellValue(number++);
				stt.setCellStyle(styles.center);
				text(row, 1, item.unitName(), styles.wrap);
				text(row, 2, "Quy trình: " + item.processName(), styles.wrap);
				text(row, 3, item.businessKey(), styles.wrap);
				text(row, 4, item.taskName(), styles.wrap);
				date(row, 5, item.dueDate(), styles);
				date(row, 6, null, styles);
				text(row, 7, item.statusLabel(), DirectiveStatus.OVERDUE.name().equals(item.status()) ? styles.late : styles.wrap);
				date(row, 8, item.completedAt() == null ? null : LocalDate.ofInstant(item.completedAt(), WebDates.VIETNAM), styles);
				text(row, 9, null, styles.wrap);
				text(row, 10, null, styles.wrap);
			}
			sheet.createFreezePane(0, headerRow + 1);
			sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, HEADERS.size() - 1));
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, HEADERS.size() - 1));
			landscape(sheet);

			Sheet summary = book.createSheet("Thống kê");
			List<DirectiveStatus> columns = Dashboard.COLUMNS;
			int s = titles(summary, styles, "Thống kê theo đơn vị và tình trạng", filters, today, columns.size() + 2);
			Row head = summary.createRow(s++);
			text(head, 0, "Đơn vị chủ trì", styles.header);
			summary.setColumnWidth(0, 34 * 256);
			for (int c = 0; c < columns.size(); c++) {
				text(head, c + 1, capitalised(columns.get(c).label()), styles.header);
				summary.setColumnWidth(c + 1, 16 * 256);
			}
			text(head, columns.size() + 1, "Tổng số", styles.header);
			summary.setColumnWidth(columns.size() + 1, 12 * 256);
			for (Dashboard.MatrixRow unit : matrix) {
				Row row = summary.createRow(s++);
				text(row, 0, unit.name(), styles.wrap);
				for (int c = 0; c < unit.cells().size(); c++) {
					number(row, c + 1, unit.cells().get(c).count(), styles.center);
				}
				number(row, columns.size() + 1, unit.total(), styles.center);
			}
			Row sum = summary.createRow(s);
			text(sum, 0, "Tổng cộng", styles.header);
			long all = 0;
			for (int c = 0; c < totals.size(); c++) {
				number(sum, c + 1, totals.get(c).count(), styles.header);
				all += totals.get(c).count();
			}
			number(sum, columns.size() + 1, all, styles.header);
			landscape(summary);
			book.write(out);
			return out.toByteArray();
		}
	}

	private static int titles(Sheet sheet, Styles styles, String title, String filters, LocalDate today, int width) {
		Row first = sheet.createRow(0);
		text(first, 0, title.toUpperCase(java.util.Locale.forLanguageTag("vi")), styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
		Row second = sheet.createRow(1);
		text(second, 0, filters + " — số liệu đến ngày " + WebDates.DAY.format(today), styles.subtitle);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
		return 3;
	}

	private static void landscape(Sheet sheet) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	private static String capitalised(String label) {
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void date(Row row, int column, LocalDate value, Styles styles) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(styles.date);
	}

	/** Cell styles of one workbook (styles belong to their workbook). */
	private static final class Styles {

		final CellStyle title;

		final CellStyle subtitle;

		final CellStyle header;

		final CellStyle wrap;

		final CellStyle center;

		final CellStyle date;

		final CellStyle late;

		Styles(XSSFWorkbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			bold.setFontName("Times New Roman");
			bold.setFontHeightInPoints((short) 12);
			Font big = book.createFont();
			big.setBold(true);
			big.setFontName("Times New Roman");
			big.setFontHeightInPoints((short) 14);
			Font normal = book.createFont();
			normal.setFontName("Times New Roman");
			normal.setFontHeightInPoints((short) 12);
			Font red = book.createFont();
			red.setFontName("Times New Roman");
			red.setFontHeightInPoints((short) 12);
			red.setBold(true);
			red.setColor(IndexedColors.DARK_RED.getIndex());
			title = book.createCellStyle();
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			subtitle = book.createCellStyle();
			subtitle.setFont(normal);
			subtitle.setAlignment(HorizontalAlignment.CENTER);
			header = bordered(book);
			header.setFont(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setWrapText(true);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			wrap = bordered(book);
			wrap.setFont(normal);
			wrap.setWrapText(true);
			center = bordered(book);
			center.setFont(normal);
			center.setAlignment(HorizontalAlignment.CENTER);
			date = bordered(book);
			date.setFont(normal);
			date.setAlignment(HorizontalAlignment.CENTER);
			date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
			late = bordered(book);
			late.setFont(red);
			late.setWrapText(true);
		}

		private static CellStyle bordered(XSSFWorkbook book) {
			CellStyle style = book.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

	}

}
