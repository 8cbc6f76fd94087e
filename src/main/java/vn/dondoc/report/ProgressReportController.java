package vn.dondoc.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.security.Viewer;

/**
 * The progress report in Word, for the office and the admin: {@code GET /api/reports/progress.docx} (HTTP Basic) and
 * the dashboard's button, {@code GET /reports/progress.docx} (the session), with the same parameters.
 */
@RestController
class ProgressReportController {

	static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final ProgressReports reports;

	private final DirectiveCatalog catalog;

	ProgressReportController(ProgressReports reports, DirectiveCatalog catalog) {
		this.reports = reports;
		this.catalog = catalog;
	}

	@Operation(summary = "Báo cáo tình hình thực hiện (Word)", description = "Báo cáo theo thể thức văn bản của Đảng (Hướng dẫn "
			+ "36-HD/VPTW) về một văn bản (document) hoặc các phần việc có thời hạn trong một khoảng ngày (from, to), hoặc cả hai; "
			+ "số liệu trùng với bảng tổng quan. Chỉ Văn phòng theo dõi và quản trị.")
	@GetMapping(path = "/api/reports/progress.docx")
	ResponseEntity<?> api(@Parameter(description = "số ký hiệu văn bản") @RequestParam(required = false) String document,
			@Parameter(description = "yyyy-mm-dd") @RequestParam(required = false) String from,
			@Parameter(description = "yyyy-mm-dd") @RequestParam(required = false) String to, Authentication authentication) {
		if (!Viewer.of(authentication).tracks()) {
			return problem(HttpStatus.FORBIDDEN, "Không có quyền", "Chỉ Văn phòng theo dõi và quản trị được lập báo cáo tình hình thực hiện.");
		}
		try {
			return report(scope(document, from, to));
		}
		catch (Refused refused) {
			return problem(refused.status, refused.status == HttpStatus.NOT_FOUND ? "Không tìm thấy" : "Tham số không hợp lệ",
					refused.getMessage());
		}
	}

	/** The dashboard's button; refusals become the dashboard's error pages. */
	@GetMapping(path = "/reports/progress.docx")
	ResponseEntity<byte[]> page(@RequestParam(required = false) String document, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication authentication) {
		if (!Viewer.of(authentication).tracks()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		try {
			return report(scope(document, from, to));
		}
		catch (Refused refused) {
			throw new ResponseStatusException(refused.status, refused.getMessage());
		}
	}

	private ResponseEntity<byte[]> report(ProgressReports.Scope scope) {
		ProgressReports.Figures figures = reports.figures(scope);
		byte[] docx = ProgressDocument.write(figures, reports.settings());
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(ProgressReports.fileName(scope, figures.asOf())))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(docx);
	}

	private ProgressReports.Scope scope(String document, String from, String to) {
		String code = document == null || document.isBlank() ? null : document.strip();
		LocalDate first = day("from", from);
		LocalDate last = day("to", to);
		if ((first == null) != (last == null)) {
			throw new Refused(HttpStatus.BAD_REQUEST, "Cần cả ngày bắt đầu (from) và ngày kết thúc (to) của kỳ báo cáo.");
		}
		if (first != null && first.isAfter(last)) {
			throw new Refused(HttpStatus.BAD_REQUEST, "Ngày bắt đầu (from) sau ngày kết thúc (to).");
		}
		if (code == null && first == null) {
			throw new Refused(HttpStatus.BAD_REQUEST, "Cần số ký hiệu văn bản (document) hoặc kỳ báo cáo (from, to).");
		}
		if (code != null && catalog.documents().stream().noneMatch(d -> d.code().equals(code))) {
			throw new Refused(HttpStatus.NOT_FOUND, "Không có văn bản số «" + code + "» trong dondoc.");
		}
		return new ProgressReports.Scope(code, first, last);
	}

	private static LocalDate day(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new Refused(HttpStatus.BAD_REQUEST, "Ngày «" + value + "» (" + name + ") không đúng dạng năm-tháng-ngày, ví dụ 2026-10-01.");
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** RFC 6266 with an RFC 5987 {@code filename*} for the Vietnamese name and a plain ASCII fallback. */
	static String contentDisposition(String name) {
		String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9 ._-]", "_");
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	private static final class Refused extends RuntimeException {

		private final HttpStatus status;

		Refused(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

}
