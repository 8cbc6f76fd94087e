package vn.dondoc.report;

import java.math.BigInteger;
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

/**
 * The page of a Party document (Hướng dẫn 36-HD/VPTW) in Word: A4 with the administrative margins, Times New
 * Roman, page numbers from page 2, and the paragraphs and tables its reports are made of, laid out alike in
 * Word and LibreOffice.
 */
abstract class PartyDocumentLayout {

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

	static final int BODY = 14;

	static final int TABLE = 13;

	/** Lines left for the office's assessment. */
	final XWPFDocument doc = new XWPFDocument();

	void page() {
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
	static void field(XWPFParagraph paragraph, String instruction) {
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		font(paragraph.createRun(), BODY).getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		font(paragraph.createRun(), BODY).setText("2");
		font(paragraph.createRun(), BODY).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
	}

	void heading(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(mm(10));
		paragraph.setSpacingBefore(120);
		paragraph.setSpacingAfter(120);
		paragraph.setKeepNext(true);
		text(paragraph, text, BODY, true, false);
	}

	void body(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(mm(10));
		paragraph.setSpacingAfter(120);
		text(paragraph, text, BODY, false, false);
	}

	void note(String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setSpacingBefore(60);
		paragraph.setSpacingAfter(120);
		text(paragraph, text, 12, false, true);
	}

	/** A line of dots from margin to margin (a tab with a dotted leader): room to write in. */
	void dottedLine() {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setSpacingAfter(120);
		CTTabStop tab = paragraph.getCTP().addNewPPr().addNewTabs().addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setLeader(STTabTlc.DOT);
		tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
		font(paragraph.createRun(), BODY).addTab();
	}

	void blank(int size) {
		font(doc.createParagraph().createRun(), size).setText("");
	}

	XWPFParagraph centered(int after) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.setSpacingAfter(after);
		paragraph.setKeepNext(true);
		return paragraph;
	}

	/** A bordered table of the text's width, its first row the header (repeated on each page). */
	XWPFTable table(List<String> headers, List<Integer> percents) {
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

	static void summaryRow(XWPFTable table, String label, long count, long total, boolean bold) {
		String share = total == 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * count / total).replace('.', ',') + "%";
		row(table, bold, label, String.valueOf(count), share);
	}

	/** A row: the first cells as text (left), numbers centred. */
	static void row(XWPFTable table, boolean bold, String... cells) {
		XWPFTableRow row = table.createRow();
		row.setCantSplitRow(true);
		for (int i = 0; i < cells.length; i++) {
			XWPFParagraph paragraph = first(row.getCell(i));
			String value = cells[i] == null ? "" : cells[i];
			paragraph.setAlignment(value.matches("[0-9.,/%-]*|\\d{2}/\\d{2}/\\d{4}") ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
			text(paragraph, value, TABLE, bold, false);
		}
	}

	static void line(XWPFTableCell cell, String text, int size, boolean bold, boolean italic, boolean underline) {
		XWPFParagraph paragraph = first(cell);
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun run = text(paragraph, text, size, bold, italic);
		if (underline) {
			run.setUnderline(UnderlinePatterns.SINGLE);
		}
	}

	static void leftLine(XWPFTableCell cell, String text) {
		XWPFParagraph paragraph = first(cell);
		paragraph.setAlignment(ParagraphAlignment.LEFT);
		text(paragraph, text, 11, false, false);
	}

	static XWPFParagraph first(XWPFTableCell cell) {
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	static XWPFRun text(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
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

	static XWPFRun font(XWPFRun run, int size) {
		run.setFontFamily(FONT);
		run.setFontSize(size);
		return run;
	}

	/** Fixed column widths, as shares of the text's width, so that Word and LibreOffice lay the table out alike. */
	static void widths(XWPFTable table, int... percents) {
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

	static void noBorders(XWPFTable table) {
		table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
		table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
	}

	/** Millimetres in twentieths of a point, rounded up (15 mm is a margin of 15 mm, not 14.99). */
	static int mm(double millimetres) {
		return (int) Math.ceil(millimetres * 1440 / 25.4);
	}

}
