package vn.dondoc.draft;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/drafts} (tracking office and admin): a conclusion as UTF-8 text, a Word file (.docx) or a
 * PDF with a text layer, drafted into {@code {document, warnings}}. Nothing is stored; {@code document} goes to
 * {@code POST /api/documents} once corrected.
 */
@RestController
class DraftController {

	private static final Logger log = LoggerFactory.getLogger(DraftController.class);

	/** The most of a refused upload read and thrown away. */
	private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

	private final ConclusionReader reader;

	private final DraftSettings settings;

	DraftController(ConclusionReader reader, DraftSettings settings) {
		this.reader = reader;
		this.settings = settings;
	}

	@PostMapping(path = "/api/drafts", consumes = { "text/plain", ConclusionFile.WORD, "application/pdf", "application/octet-stream" })
	Draft draft(HttpServletRequest request, Authentication user) throws IOException {
		long max = settings.maxBytes();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			drain(request);
			throw new UnreadableConclusion(HttpStatus.PAYLOAD_TOO_LARGE,
					"Tệp dài " + declared + " byte; tối đa " + max + " byte (dondoc.draft.max-bytes)");
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (body.length > max) {
			drain(request);
		}
		Draft draft = reader.draft(body, max);
		log.info("Drafted {} directives of {} for {} ({} warnings)", draft.document().directives().size(), draft.document().code(),
				user.getName(), draft.warnings().size());
		return draft;
	}

	/**
	 * Reads the rest of a refused upload without keeping it, up to {@link #DRAIN_LIMIT}, so that a client that
	 * sends the whole body before reading the answer gets the answer; past that, the connection is closed.
	 */
	private static void drain(HttpServletRequest request) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long read = 0;
		int n;
		while (read < DRAIN_LIMIT && (n = request.getInputStream().read(buffer)) > 0) {
			read += n;
		}
	}

	@ExceptionHandler(UnreadableConclusion.class)
	ProblemDetail unreadable(UnreadableConclusion e, HttpServletRequest request) {
		log.warn("Refused a conclusion to draft from {}: {}", request.getRemoteAddr(), e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		problem.setTitle("Không đọc được văn bản");
		problem.setType(URI.create("https://dondoc.vn/problems/unreadable-conclusion"));
		return problem;
	}

}
