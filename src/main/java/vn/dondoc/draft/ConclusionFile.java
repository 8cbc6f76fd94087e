package vn.dondoc.draft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.http.HttpStatus;

import vn.dondoc.directive.InvalidDocumentException;
import vn.dondoc.directive.Utf8;

/**
 * The text of a conclusion sent as a Word file (.docx, read with Apache POI: paragraphs and tables in their
 * order, Word's automatic list numbers written out), a PDF with a text layer (Apache PDFBox) or UTF-8 text.
 * The kind is told from the bytes themselves, not from the name or the declared type.
 */
final class ConclusionFile {

	static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private ConclusionFile() {
	}

	/**
	 * The lines of the conclusion, normalised ({@link TextNormalizer}).
	 *
	 * @throws UnreadableConclusion for an empty file, a file of another kind, a PDF without text, a broken file
	 */
	static List<String> lines(byte[] bytes, long maxBytes) {
		if (bytes.length == 0) {
			throw new UnreadableConclusion(HttpStatus.BAD_REQUEST, "Tệp rỗng: hãy chọn tệp kết luận (Word, PDF) hoặc dán nội dung");
		}
		if (bytes.length > maxBytes) {
			throw new UnreadableConclusion(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp dài " + bytes.length + " byte; tối đa " + maxBytes
					+ " byte (dondoc.draft.max-bytes)");
		}
		String text;
		if (startsWith(bytes, "%PDF-")) {
			text = pdf(bytes);
		}
		else if (startsWith(bytes, "PK\u0003\u0004")) {
			text = word(bytes);
		}
		else if (looksBinary(bytes)) {
			throw new UnreadableConclusion(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Không đọc được tệp này: dondoc nhận tệp Word (.docx), PDF có lớp chữ, hoặc văn bản thuần (UTF-8). "
							+ "Tệp .doc cũ hãy mở bằng Word rồi lưu thành .docx");
		}
		else {
			try {
				text = Utf8.decode(bytes);
			}
			catch (InvalidDocumentException e) {
				throw new UnreadableConclusion(HttpStatus.BAD_REQUEST, e.problems().get(0).message());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String line : TextNormalizer.normalize(text).split("\n")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		if (lines.isEmpty()) {
			throw new UnreadableConclusion(HttpStatus.UNPROCESSABLE_ENTITY, "Tệp không có chữ nào để đọc");
		}
		return lines;
	}

	private static String pdf(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(document);
			if (text.isBlank()) {
				throw new UnreadableConclusion(HttpStatus.UNPROCESSABLE_ENTITY,
						"PDF này không có lớp chữ (bản quét, chỉ có hình ảnh): hãy dùng tệp Word, hoặc PDF xuất từ Word");
			}
			return text;
		}
		catch (IOException e) {
			throw new UnreadableConclusion(HttpStatus.UNPROCESSABLE_ENTITY, "Tệp PDF bị hỏng hoặc có mật khẩu: " + e.getMessage());
		}
	}

	private static String word(byte[] bytes) {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			StringBuilder text = new StringBuilder();
			Numbering numbering = new Numbering();
			for (IBodyElement element : document.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					text.append(numbering.label(paragraph)).append(paragraph.getText()).append('\n');
				}
				else if (element instanceof XWPFTable table) {
					// the header of a Party document: issuing body and number on the left, place and date on the right
					for (XWPFTableRow row : table.getRows()) {
						for (XWPFTableCell cell : row.getTableCells()) {
							for (XWPFParagraph paragraph : cell.getParagraphs()) {
								text.append(numbering.label(paragraph)).append(paragraph.getText()).append('\n');
							}
						}
					}
				}
			}
			return text.toString();
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UnreadableConclusion unreadable) {
				throw unreadable;
			}
			throw new UnreadableConclusion(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Không đọc được tệp Word này (chỉ nhận .docx): " + e.getMessage());
		}
	}

	/** Word's automatic list numbers are not in the paragraph's text: written out as the reader sees them. */
	private static final class Numbering {

		private final Map<String, int[]> counters = new HashMap<>();

		String label(XWPFParagraph paragraph) {
			BigInteger id = paragraph.getNumID();
			if (id == null) {
				return "";
			}
			int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
			int[] count = counters.computeIfAbsent(id.toString(), key -> new int[9]);
			count[Math.min(level, 8)]++;
			for (int deeper = level + 1; deeper < 9; deeper++) {
				count[deeper] = 0;
			}
			String format = paragraph.getNumFmt() == null ? "decimal" : paragraph.getNumFmt().toLowerCase(Locale.ROOT);
			int n = count[Math.min(level, 8)];
			return switch (format) {
				case "bullet" -> "- ";
				case "lowerletter" -> (char) ('a' + (n - 1) % 26) + ") ";
				case "upperroman" -> roman(n) + ". ";
				default -> n + ". ";
			};
		}

		private static String roman(int n) {
			String[] numerals = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };
			return n >= 1 && n <= numerals.length ? numerals[n - 1] : String.valueOf(n);
		}

	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		if (bytes.length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (bytes[i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** NUL bytes or many control characters in the first 4 kB: an image, an archive, an old .doc. */
	private static boolean looksBinary(byte[] bytes) {
		int controls = 0;
		int n = Math.min(bytes.length, 4096);
		for (int i = 0; i < n; i++) {
			int b = bytes[i] & 0xFF;
			if (b == 0) {
				return true;
			}
			if (b < 0x09 || (b > 0x0D && b < 0x20)) {
				controls++;
			}
		}
		return controls > n / 20;
	}

}
