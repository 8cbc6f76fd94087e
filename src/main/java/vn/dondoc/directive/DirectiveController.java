package vn.dondoc.directive;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dondoc.directive.DirectiveCatalog.DirectiveDetail;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.DocumentSummary;
import vn.dondoc.directive.DirectiveCatalog.Page;

/**
 * {@code /api/documents} and {@code /api/directives}: import documents, read directives and their
 * status back. Errors are {@code application/problem+json} naming every problem.
 */
@RestController
class DirectiveController {

	private static final Logger log = LoggerFactory.getLogger(DirectiveController.class);

	static final int MAX_PAGE_SIZE = 500;

	private final DocumentImporter importer;

	private final DirectiveCatalog catalog;

	private final DirectiveSettings settings;

	DirectiveController(DocumentImporter importer, DirectiveCatalog catalog, DirectiveSettings settings) {
		this.importer = importer;
		this.catalog = catalog;
		this.settings = settings;
	}

	@PostMapping(path = "/api/documents", consumes = { "application/yaml", "application/x-yaml", "text/yaml",
			"application/json", "text/plain" })
	ResponseEntity<?> importDocument(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun, Authentication user) throws IOException {
		byte[] body = readLimited(request, settings.maxDocumentBytes());
		if (dryRun) {
			// what the import would do: directives added, due dates moved per unit part, nothing stored
			return ResponseEntity.ok(importer.preview(body, contentType));
		}
		ImportResult result = importer.importDocument(body, contentType, "REST (" + user.getName() + ")");
		HttpStatus status = result.outcome() == ImportResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
		return ResponseEntity.status(status).location(URI.create("/api/directives?document=" + java.net.URLEncoder
			.encode(result.code(), StandardCharsets.UTF_8))).body(result);
	}

	@GetMapping("/api/documents")
	List<DocumentSummary> documents() {
		return catalog.documents();
	}

	@GetMapping("/api/directives")
	Page<DirectiveView> directives(@RequestParam(required = false) String document,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadParameter("page/size", page + "/" + size, "page phải ≥ 0 và size từ 1 đến " + MAX_PAGE_SIZE);
		}
		boolean awaitingReview = DirectiveCatalog.isAwaitingReview(status);
		DirectiveStatus wanted;
		try {
			wanted = status == null || status.isBlank() || awaitingReview ? null : DirectiveStatus.parse(status);
		}
		catch (IllegalArgumentException e) {
			throw new BadParameter("status", status, e.getMessage() + ", hoặc awaiting_review (chờ Văn phòng xem xét)");
		}
		return catalog.directives(new DirectiveCatalog.Filter(blankToNull(document), blankToNull(unit), wanted, null, null, null,
				awaitingReview), page, size);
	}

	@GetMapping("/api/directives/{id}")
	DirectiveDetail directive(@PathVariable long id) {
		return catalog.directive(id).orElseThrow(() -> new NoSuchDirective(id));
	}

	/** An unknown directive: a problem in Vietnamese naming the number, not an empty 404. */
	@ExceptionHandler(NoSuchDirective.class)
	ProblemDetail noSuchDirective(NoSuchDirective e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Không có nhiệm vụ số " + e.id + " trong dondoc.");
		problem.setTitle("Không tìm thấy");
		return problem;
	}

	private static final class NoSuchDirective extends RuntimeException {

		private final long id;

		NoSuchDirective(long id) {
			super("No directive " + id, null, false, false);
			this.id = id;
		}

	}

	@ExceptionHandler(InvalidDocumentException.class)
	ProblemDetail invalidDocument(InvalidDocumentException e, HttpServletRequest request) {
		log.warn("Refused a document from {}: {}", request.getRemoteAddr(), e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				e.problems().size() + " lỗi trong văn bản; chưa nhập gì");
		problem.setTitle("Văn bản không hợp lệ");
		problem.setType(URI.create("https://dondoc.vn/problems/invalid-document"));
		problem.setProperty("problems", e.problems());
		return problem;
	}

	/**
	 * The body, read no further than the limit: a huge upload is refused from its Content-Length, or once
	 * the limit is passed, without being held in memory.
	 */
	private static byte[] readLimited(HttpServletRequest request, int max) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > max) {
			throw new DocumentTooLarge(declared, max);
		}
		byte[] body = request.getInputStream().readNBytes(max + 1);
		if (body.length > max) {
			throw new DocumentTooLarge(-1, max);
		}
		return body;
	}

	@ExceptionHandler(ImportTimedOut.class)
	ProblemDetail importTimedOut(ImportTimedOut e, HttpServletRequest request) {
		log.warn("Import from {} stopped: {}", request.getRemoteAddr(), e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		problem.setTitle("Nhập văn bản quá lâu");
		problem.setType(URI.create("https://dondoc.vn/problems/import-timed-out"));
		return problem;
	}

	@ExceptionHandler(DocumentTooLarge.class)
	ProblemDetail documentTooLarge(DocumentTooLarge e, HttpServletRequest request) {
		log.warn("Refused a document from {}: {}", request.getRemoteAddr(), e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"Văn bản quá lớn; chưa nhập gì");
		problem.setTitle("Văn bản quá lớn");
		problem.setType(URI.create("https://dondoc.vn/problems/invalid-document"));
		problem.setProperty("problems", List.of(new DocumentProblem("(document)", null, null, e.getMessage())));
		return problem;
	}

	@ExceptionHandler(BadParameter.class)
	ProblemDetail badParameter(BadParameter e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Tham số không hợp lệ");
		problem.setProperty("problems", List.of(new DocumentProblem(e.parameter, null, e.value, e.getMessage())));
		return problem;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static class DocumentTooLarge extends RuntimeException {

		DocumentTooLarge(long bytes, int max) {
			super(DocumentImporter.tooLarge(bytes, max));
		}

	}

	static class BadParameter extends RuntimeException {

		final String parameter;

		final String value;

		BadParameter(String parameter, String value, String message) {
			super(message);
			this.parameter = parameter;
			this.value = value;
		}

	}

}
