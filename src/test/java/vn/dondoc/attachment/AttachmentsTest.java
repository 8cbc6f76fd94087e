package vn.dondoc.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a result report may carry (issue 20, item 8): PDF, Word and images known by their bytes, within the
 * size and count limits of {@code dondoc.report.*}, each file asked of the {@link AttachmentScanner}; one file
 * that is not acceptable refuses the whole set, naming the file and its place.
 */
class AttachmentsTest {

	private static final AttachmentScanner CLEAN = (name, content) -> Optional.empty();

	@Test
	void acceptsWordAndImagesByTheirBytesWithTheTypeReadFromThem() throws IOException {
		List<Attachments.CheckedFile> checked = attachments(settings(10_000_000, 20_000_000, 10), CLEAN).check(List.of(
				new Attachments.Upload("Báo cáo.docx", docx()), new Attachments.Upload("Tờ trình.doc", doc()),
				new Attachments.Upload("C:\\Ảnh\\Biên bản.PNG", image("png")), new Attachments.Upload("Ảnh hội nghị.jpg", image("jpg"))));

		assertThat(checked).extracting(Attachments.CheckedFile::fileName)
			.containsExactly("Báo cáo.docx", "Tờ trình.doc", "Biên bản.PNG", "Ảnh hội nghị.jpg");
		assertThat(checked).extracting(Attachments.CheckedFile::contentType)
			.containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword", "image/png",
					"image/jpeg");
	}

	@Test
	void refusesAZipThatIsNotAWordDocumentAndAnImageThatIsNotOne() throws IOException {
		Attachments attachments = attachments(settings(10_000_000, 20_000_000, 10), CLEAN);
		byte[] workbook = zip("xl/workbook.xml");
		byte[] png = image("png");
		assertRefused(() -> attachments.check(List.of(new Attachments.Upload("ok.pdf", pdf()), new Attachments.Upload("bang-tinh.docx", workbook))),
				"files[1]", "bang-tinh.docx", "không phải là tệp DOCX thật");
		assertRefused(() -> attachments.check(List.of(new Attachments.Upload("anh.jpg", png))), "files[0]", "anh.jpg",
				"không phải là tệp JPEG thật");
	}

	@Test
	void refusesAFileOverItsLimitTooManyFilesAndTooMuchTogether() throws IOException {
		byte[] pdf = pdf(2_000);
		Attachments small = attachments(settings(1_500, 3_000, 2), CLEAN);

		assertRefused(() -> small.check(List.of(new Attachments.Upload("lon.pdf", pdf))), "files[0]", "lon.pdf", "quá lớn",
				"dondoc.report.max-file-bytes");
		byte[] fits = pdf(1_200);
		assertRefused(() -> small.check(List.of(new Attachments.Upload("a.pdf", fits), new Attachments.Upload("b.pdf", fits),
				new Attachments.Upload("c.pdf", fits))), "files", "3 tệp", "tối đa 2 tệp");
		Attachments fewer = attachments(settings(1_500, 2_000, 10), CLEAN);
		assertRefused(() -> fewer.check(List.of(new Attachments.Upload("a.pdf", fits), new Attachments.Upload("b.pdf", fits))), "files", null,
				"cộng lại quá lớn", "dondoc.report.max-total-bytes");
		// an empty file input is no file at all
		assertThat(small.check(List.of(new Attachments.Upload("", new byte[0]), new Attachments.Upload("a.pdf", fits)))).hasSize(1);
	}

	@Test
	void theScannerSeesEveryFileAndWhatItFindsRefusesTheReport() throws IOException {
		List<String> scanned = new ArrayList<>();
		AttachmentScanner scanner = (name, content) -> {
			scanned.add(name);
			return new String(content, StandardCharsets.ISO_8859_1).contains("EICAR") ? Optional.of("Eicar-Test-Signature") : Optional.empty();
		};
		Attachments attachments = attachments(settings(10_000_000, 20_000_000, 10), scanner);

		assertThat(attachments.check(List.of(new Attachments.Upload("sach.pdf", pdf())))).hasSize(1);
		byte[] infected = concat(pdf(), "EICAR".getBytes(StandardCharsets.ISO_8859_1));
		assertRefused(() -> attachments.check(List.of(new Attachments.Upload("sach.pdf", pdf()), new Attachments.Upload("nhiem.pdf", infected))),
				"files[1]", "nhiem.pdf", "quét virus", "Eicar-Test-Signature");
		assertThat(scanned).containsExactly("sach.pdf", "sach.pdf", "nhiem.pdf");
	}

	private static void assertRefused(Runnable check, String field, String value, String... words) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(AttachmentRefused.class, refused -> {
			assertThat(refused.field()).isEqualTo(field);
			if (value != null) {
				assertThat(refused.value()).isEqualTo(value);
			}
			assertThat(refused.getMessage()).contains(words);
		});
	}

	private static Attachments attachments(ReportFileSettings settings, AttachmentScanner scanner) {
		// check() reads neither the database nor the clock
		return new Attachments(null, settings, scanner, Clock.systemUTC());
	}

	private static ReportFileSettings settings(long maxFile, long maxTotal, int maxFiles) {
		return new ReportFileSettings(DataSize.ofBytes(maxFile), DataSize.ofBytes(maxTotal), maxFiles);
	}

	private static byte[] docx() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("Báo cáo kết quả thực hiện");
			document.write(out);
			return out.toByteArray();
		}
	}

	/** The start of an OLE2 compound file, as Word 97-2003 writes it. */
	private static byte[] doc() {
		byte[] doc = new byte[512];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, doc, 0, magic.length);
		return doc;
	}

	private static byte[] image(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, out)).isTrue();
		return out.toByteArray();
	}

	private static byte[] zip(String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static byte[] pdf() {
		return "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A PDF header padded to {@code size} bytes. */
	private static byte[] pdf(int size) {
		byte[] pdf = Arrays.copyOf(pdf(), size);
		Arrays.fill(pdf, pdf().length, size, (byte) ' ');
		return pdf;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
