package vn.dondoc.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The kinds of file a report may carry, each known by its name's extension and by its first bytes: both must agree. */
enum FileKind {

	PDF("application/pdf", List.of("pdf")),
	DOC("application/msword", List.of("doc")),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
	PNG("image/png", List.of("png")),
	JPEG("image/jpeg", List.of("jpg", "jpeg"));

	/** What the user is told is accepted. */
	static final String ACCEPTED = "PDF, Word (.doc, .docx), ảnh PNG hoặc JPG";

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private final String contentType;

	private final List<String> extensions;

	FileKind(String contentType, List<String> extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	String contentType() {
		return contentType;
	}

	/** The kind that the name claims, if it is one accepted. */
	static Optional<FileKind> byName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(kind -> kind.extensions.contains(extension)).findFirst();
	}

	/** Whether the bytes are really of this kind (a renamed .exe is not a PDF). */
	boolean matches(byte[] content) {
		return switch (this) {
			case PDF -> startsWith(content, PDF_MAGIC);
			case DOC -> startsWith(content, OLE2_MAGIC);
			case DOCX -> startsWith(content, ZIP_MAGIC) && isWordPackage(content);
			case PNG -> startsWith(content, PNG_MAGIC);
			case JPEG -> startsWith(content, JPEG_MAGIC);
		};
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	/** A .docx is a ZIP holding {@code word/document.xml}. */
	private static boolean isWordPackage(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (entry.getName().equals("word/document.xml")) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
	}

}
