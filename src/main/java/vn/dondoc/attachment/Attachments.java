package vn.dondoc.attachment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The files of result reports. {@link #check(List)} refuses the whole set when one file is not acceptable
 * (kind by name and bytes, size, total, the {@link AttachmentScanner}); {@link #store} keeps them in the caller's
 * transaction, so a report that the rules refuse leaves no file behind.
 */
@Service
public class Attachments {

	private final JdbcClient jdbc;

	private final ReportFileSettings settings;

	private final AttachmentScanner scanner;

	private final Clock clock;

	Attachments(JdbcClient jdbc, ReportFileSettings settings, AttachmentScanner scanner, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.scanner = scanner;
		this.clock = clock;
	}

	/** A file as uploaded: its name (as the client sent it) and bytes. */
	public record Upload(String fileName, byte[] content) {
	}

	/** A file that passed {@link #check(List)}: its cleaned name and the type read from its bytes. */
	public record CheckedFile(String fileName, String contentType, byte[] content) {
	}

	/**
	 * One stored file, without its bytes.
	 *
	 * @param reportNumber the report's place (0, 1, …) among the unit part's reports
	 * @param sizeDisplay the size in words ("120 KB")
	 */
	public record AttachmentInfo(long id, long directiveId, String unit, int reportNumber, String fileName, String contentType,
			long size, String sizeDisplay, String uploadedBy, Instant uploadedAt) {
	}

	public record AttachmentFile(AttachmentInfo info, byte[] content) {
	}

	/**
	 * The files that may be stored, in order; files without name and bytes (an empty file input) are left out.
	 *
	 * @throws AttachmentRefused for the first file that may not, naming it
	 */
	public List<CheckedFile> check(List<Upload> uploads) {
		List<CheckedFile> checked = new ArrayList<>();
		long total = 0;
		long maxFile = settings.maxFileBytes().toBytes();
		int index = -1;
		for (Upload upload : uploads) {
			index++;
			String raw = upload.fileName() == null ? "" : upload.fileName();
			if (raw.isBlank() && upload.content().length == 0) {
				continue;
			}
			String field = "files[" + index + "]";
			String name = cleanName(raw);
			FileKind kind = FileKind.byName(name).orElseThrow(() -> new AttachmentRefused(field, name,
					"Tệp «" + name + "» không được nhận: chỉ nhận " + FileKind.ACCEPTED));
			if (upload.content().length == 0) {
				throw new AttachmentRefused(field, name, "Tệp «" + name + "» rỗng");
			}
			if (upload.content().length > maxFile) {
				throw new AttachmentRefused(field, name, "Tệp «" + name + "» quá lớn (" + sizeDisplay(upload.content().length)
						+ "): mỗi tệp tối đa " + sizeDisplay(maxFile) + " (dondoc.report.max-file-bytes)");
			}
			if (!kind.matches(upload.content())) {
				throw new AttachmentRefused(field, name, "Tệp «" + name + "» không phải là tệp " + kind.name()
						+ " thật (nội dung không khớp với tên tệp): chỉ nhận " + FileKind.ACCEPTED);
			}
			total += upload.content().length;
			checked.add(new CheckedFile(name, kind.contentType(), upload.content()));
		}
		if (checked.size() > settings.maxFiles()) {
			throw new AttachmentRefused("files", checked.size() + " tệp", "Mỗi báo cáo đính kèm tối đa " + settings.maxFiles() + " tệp");
		}
		if (total > settings.maxTotalBytes().toBytes()) {
			throw new AttachmentRefused("files", sizeDisplay(total), "Các tệp đính kèm cộng lại quá lớn (" + sizeDisplay(total)
					+ "): mỗi báo cáo tối đa " + sizeDisplay(settings.maxTotalBytes().toBytes()) + " (dondoc.report.max-total-bytes)");
		}
		// scanned last, once everything else is fine: a scanner may be slow
		for (int i = 0; i < checked.size(); i++) {
			CheckedFile file = checked.get(i);
			Optional<String> threat = scanner.findThreat(file.fileName(), file.content());
			if (threat.isPresent()) {
				throw new AttachmentRefused("files[" + i + "]", file.fileName(),
						"Tệp «" + file.fileName() + "» bị từ chối khi quét virus: " + threat.get());
			}
		}
		return checked;
	}

	/** Keeps checked files for one report, in the caller's transaction. */
	public List<AttachmentInfo> store(long directiveId, String unit, int reportNumber, List<CheckedFile> files, String userId) {
		Instant now = clock.instant();
		for (CheckedFile file : files) {
			jdbc.sql("""
					INSERT INTO report_attachment (directive_id, unit_code, report_number, file_name, content_type, size_bytes, sha256,
					  content, uploaded_by, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(directiveId, unit, reportNumber, file.fileName(), file.contentType(), (long) file.content().length,
						sha256(file.content()), file.content(), userId, now.atOffset(ZoneOffset.UTC))
				.update();
		}
		return of(directiveId).stream().filter(a -> a.unit().equals(unit) && a.reportNumber() == reportNumber).toList();
	}

	/** Every file of a directive's reports, by unit, report and upload order. */
	public List<AttachmentInfo> of(long directiveId) {
		return jdbc.sql("""
				SELECT id, directive_id, unit_code, report_number, file_name, content_type, size_bytes, uploaded_by, uploaded_at
				FROM report_attachment WHERE directive_id = ? ORDER BY unit_code, report_number, id""")
			.param(directiveId)
			.query(Attachments::info)
			.list();
	}

	/** One file with its bytes, if it belongs to this directive. */
	public Optional<AttachmentFile> file(long directiveId, long attachmentId) {
		return jdbc.sql("""
				SELECT id, directive_id, unit_code, report_number, file_name, content_type, size_bytes, uploaded_by, uploaded_at, content
				FROM report_attachment WHERE directive_id = ? AND id = ?""")
			.params(directiveId, attachmentId)
			.query((rs, n) -> new AttachmentFile(info(rs, n), rs.getBytes("content")))
			.optional();
	}

	/**
	 * A file name safe to store and to send back: no folders, no control characters (no header can be split
	 * with it), at most 200 characters, Unicode composed (Vietnamese as typed on any system).
	 */
	static String cleanName(String raw) {
		String name = raw.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "").strip();
		if (name.length() > 200) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, 200 - extension.length()) + extension;
		}
		return name.isEmpty() ? "tep" : name;
	}

	static String sizeDisplay(long bytes) {
		if (bytes < 1024) {
			return bytes + " byte";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 1023) / 1024 + " KB";
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static AttachmentInfo info(ResultSet rs, int n) throws SQLException {
		long size = rs.getLong("size_bytes");
		return new AttachmentInfo(rs.getLong("id"), rs.getLong("directive_id"), rs.getString("unit_code"), rs.getInt("report_number"),
				rs.getString("file_name"), rs.getString("content_type"), size, sizeDisplay(size), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	/** {@code Content-Disposition} for a download that keeps the Vietnamese name (RFC 6266 / RFC 5987 {@code filename*}). */
	public static String contentDisposition(String fileName) {
		String clean = cleanName(fileName);
		String ascii = Normalizer.normalize(clean.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^\\x20-\\x7E]", "_")
			.replace('"', '_')
			.replace('\\', '_');
		StringBuilder encoded = new StringBuilder();
		for (byte b : clean.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
