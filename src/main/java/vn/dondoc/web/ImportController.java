package vn.dondoc.web;

import java.io.IOException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.directive.ImportResult;
import vn.dondoc.directive.InvalidDocumentException;

/**
 * {@code /import} (tracking office and admin, enforced by the security configuration): upload a document
 * (YAML or JSON). The importer checks the whole document first; when anything is wrong, every problem is
 * listed with its place and nothing is started.
 */
@Controller
class ImportController {

	private final DocumentImporter importer;

	ImportController(DocumentImporter importer) {
		this.importer = importer;
	}

	@GetMapping("/import")
	String form() {
		return "web/import";
	}

	@PostMapping("/import")
	String upload(@RequestParam("file") MultipartFile file, Authentication authentication, Model model) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		model.addAttribute("fileName", name);
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(new vn.dondoc.directive.DocumentProblem("", null, null, "Chưa chọn tệp, hoặc tệp rỗng")));
			return "web/import";
		}
		try {
			ImportResult result = importer.importDocument(file.getBytes(), name,
					"Bảng theo dõi (" + authentication.getName() + ", " + name + ")");
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
		return "web/import";
	}

}
