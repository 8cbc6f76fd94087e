package vn.dondoc.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.dondoc.directive.DirectiveSettings;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.directive.DocumentProblem;
import vn.dondoc.directive.ImportPreview;
import vn.dondoc.directive.ImportResult;
import vn.dondoc.directive.ImportTimedOut;
import vn.dondoc.directive.InvalidDocumentException;

/**
 * {@code /import} (tracking office and admin, enforced by the security configuration), in two steps. First
 * the upload is checked whole and previewed ("Xem trước"): every problem with its place, or what the import
 * would do (directives added, each unit part's deadline moved, parts overdue at once), with nothing stored.
 * Then the office confirms and the same file is imported. The file travels with the confirmation form, so a
 * preview and its import may be served by different nodes.
 */
@Controller
class ImportController {

	private final DocumentImporter importer;

	private final DirectiveSettings settings;

	ImportController(DocumentImporter importer, DirectiveSettings settings) {
		this.importer = importer;
		this.settings = settings;
	}

	@GetMapping("/import")
	String form() {
		return "web/import";
	}

	@PostMapping("/import")
	String preview(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		model.addAttribute("fileName", name);
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(new DocumentProblem("", null, null, "Chưa chọn tệp, hoặc tệp rỗng")));
			return "web/import";
		}
		if (file.getSize() > settings.maxDocumentBytes()) {
			model.addAttribute("problems", List.of(new DocumentProblem("(tệp)", null, null, UploadLimitAdvice.tooLarge(settings))));
			return "web/import";
		}
		byte[] content = file.getBytes();
		try {
			ImportPreview preview = importer.preview(content, name);
			model.addAttribute("preview", preview);
			model.addAttribute("content", Base64.getEncoder().encodeToString(content));
		}
		catch (InvalidDocumentException invalid) {
			model.addAttribute("problems", invalid.problems());
		}
		return "web/import";
	}

	@PostMapping("/import/confirm")
	String confirm(@RequestParam("content") String content, @RequestParam(name = "fileName", defaultValue = "") String name,
			Authentication authentication, Model model) {
		model.addAttribute("fileName", name);
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(content.getBytes(StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("problems", List.of(new DocumentProblem("", null, null,
					"Không đọc được tệp đã xem trước; hãy chọn lại tệp và xem trước")));
			return "web/import";
		}
		try {
			ImportResult result = importer.importDocument(bytes, name, "Bảng theo dõi (" + authentication.getName() + ", " + name + ")");
			model.addAttribute("result", result);
			model.addAttribute("outcome", switch (result.outcome()) {
				case CREATED -> "Đã nhập văn bản mới";
				case UPDATED -> "Đã cập nhật văn bản";
				case UNCHANGED -> "Văn bản không thay đổi so với lần nhập trước";
			});
		}
		catch (InvalidDocumentException invalid) {
			model.addAttribute("problems", invalid.problems());
		}
		catch (ImportTimedOut timedOut) {
			model.addAttribute("failure", timedOut.getMessage());
		}
		return "web/import";
	}

}
