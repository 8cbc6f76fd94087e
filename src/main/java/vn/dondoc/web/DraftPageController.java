package vn.dondoc.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineParseException;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.DocumentSummary;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.directive.DocumentProblem;
import vn.dondoc.directive.ImportResult;
import vn.dondoc.directive.ImportTimedOut;
import vn.dondoc.directive.InvalidDocumentException;
import vn.dondoc.draft.ConclusionReader;
import vn.dondoc.draft.Draft;
import vn.dondoc.draft.DraftSettings;
import vn.dondoc.draft.UnreadableConclusion;
import vn.dondoc.unit.UnitDirectory;

/**
 * {@code /drafts} "Soạn từ văn bản" (tracking office and admin): a conclusion uploaded (Word, PDF) or pasted
 * becomes an editable table of directives; the office corrects units and deadlines, then imports it through
 * the same all-or-nothing importer ("Nhập", which opens the document's directives) or downloads it in the
 * import format ("Tải YAML"). Problems of the import are shown beside their rows.
 */
@Controller
class DraftPageController {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Pattern ROW = Pattern.compile("directives\\[(\\d+)\\]");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

	private final ConclusionReader reader;

	private final DraftSettings settings;

	private final DocumentImporter importer;

	private final DeadlineParser deadlines;

	private final UnitDirectory units;

	private final ObjectMapper json;

	private final DirectiveCatalog catalog;

	DraftPageController(ConclusionReader reader, DraftSettings settings, DocumentImporter importer, DeadlineParser deadlines,
			UnitDirectory units, ObjectMapper json, DirectiveCatalog catalog) {
		this.reader = reader;
		this.settings = settings;
		this.importer = importer;
		this.deadlines = deadlines;
		this.units = units;
		this.json = json;
		this.catalog = catalog;
	}

	/** The editor's form: the document and its rows as typed. */
	static class DraftForm {

		private String code;

		private String title;

		private String issuedBy;

		private String issuedOn;

		private String signer;

		private List<Row> directives = new ArrayList<>();

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getIssuedBy() {
			return issuedBy;
		}

		public void setIssuedBy(String issuedBy) {
			this.issuedBy = issuedBy;
		}

		public String getIssuedOn() {
			return issuedOn;
		}

		public void setIssuedOn(String issuedOn) {
			this.issuedOn = issuedOn;
		}

		public String getSigner() {
			return signer;
		}

		public void setSigner(String signer) {
			this.signer = signer;
		}

		public List<Row> getDirectives() {
			return directives;
		}

		public void setDirectives(List<Row> directives) {
			this.directives = directives;
		}

		/** The rows that have anything in them, in order (a removed row leaves a gap in the numbering). */
		List<Row> rows() {
			return directives.stream().filter(row -> row != null && !row.isBlank()).toList();
		}

	}

	/** One directive as the office edits it; units as codes or @groups separated by commas. */
	static class Row {

		private String section;

		private String text;

		private String lead;

		private String coordinating;

		private String deadline;

		private String evidence;

		private String confidence;

		public String getSection() {
			return section;
		}

		public void setSection(String section) {
			this.section = section;
		}

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getLead() {
			return lead;
		}

		public void setLead(String lead) {
			this.lead = lead;
		}

		public String getCoordinating() {
			return coordinating;
		}

		public void setCoordinating(String coordinating) {
			this.coordinating = coordinating;
		}

		public String getDeadline() {
			return deadline;
		}

		public void setDeadline(String deadline) {
			this.deadline = deadline;
		}

		public String getEvidence() {
			return evidence;
		}

		public void setEvidence(String evidence) {
			this.evidence = evidence;
		}

		public String getConfidence() {
			return confidence;
		}

		public void setConfidence(String confidence) {
			this.confidence = confidence;
		}

		boolean isBlank() {
			return blank(section) && blank(text) && blank(lead) && blank(deadline);
		}

	}

	@GetMapping("/drafts")
	String form(Model model) {
		model.addAttribute("units", units.names());
		return "web/drafts";
	}

	/** An imported document in the same editor; "Nhập" then previews the re-import before anything moves. */
	@GetMapping(path = "/drafts", params = "document")
	String edit(@RequestParam String document, Model model) {
		model.addAttribute("units", units.names());
		DocumentSummary summary = catalog.documents().stream().filter(d -> d.code().equals(document)).findFirst().orElse(null);
		if (summary == null) {
			model.addAttribute("failure", "Không có văn bản «" + document + "» trong dondoc");
			return "web/drafts";
		}
		DraftForm form = new DraftForm();
		form.setCode(summary.code());
		form.setTitle(summary.title());
		form.setIssuedBy(summary.issuedBy());
		form.setIssuedOn(summary.issuedOn().format(DAY));
		form.setSigner(summary.signer());
		for (DirectiveView directive : catalog.directives(new DirectiveCatalog.Filter(document, null, null), 0, 10_000).items()) {
			Row row = new Row();
			row.setSection(directive.section());
			row.setText(directive.text());
			row.setLead(references(directive.units(), "LEAD"));
			row.setCoordinating(references(directive.units(), "COORDINATING"));
			row.setDeadline(directive.deadlineText());
			form.getDirectives().add(row);
		}
		model.addAttribute("form", form);
		model.addAttribute("existing", true);
		model.addAttribute("warnings", List.of("Văn bản đã nhập ngày " + DAY.format(summary.importedAt().atZone(WebDates.VIETNAM))
				+ ": sửa rồi bấm Nhập; dondoc cho xem trước các thay đổi (thời hạn được dời của từng đơn vị) trước khi áp dụng."));
		model.addAttribute("rowProblems", Map.of());
		return "web/drafts";
	}

	/** The units of a role, as a group when they are exactly one of the directory's groups. */
	private String references(List<DirectiveCatalog.UnitPart> parts, String role) {
		List<String> codes = parts.stream().filter(part -> part.role().equals(role)).map(DirectiveCatalog.UnitPart::code).toList();
		for (Map.Entry<String, List<String>> group : units.groups().entrySet()) {
			if (codes.size() > 1 && new HashSet<>(group.getValue()).equals(new HashSet<>(codes))) {
				return UnitDirectory.GROUP_PREFIX + group.getKey();
			}
		}
		return String.join(", ", codes);
	}

	@PostMapping("/drafts")
	String draft(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text, Model model) throws IOException {
		model.addAttribute("units", units.names());
		byte[] content = file != null && !file.isEmpty() ? file.getBytes() : text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
		try {
			Draft draft = reader.draft(content, settings.maxBytes());
			model.addAttribute("form", form(draft));
			model.addAttribute("warnings", draft.warnings());
			model.addAttribute("rowProblems", Map.of());
		}
		catch (UnreadableConclusion e) {
			model.addAttribute("failure", e.getMessage());
		}
		return "web/drafts";
	}

	@PostMapping("/drafts/import")
	String importDraft(@ModelAttribute("form") DraftForm form, Authentication user, Model model) throws IOException {
		model.addAttribute("units", units.names());
		byte[] document = json.writeValueAsBytes(document(form));
		try {
			if (!blank(form.getCode()) && catalog.documents().stream().anyMatch(d -> d.code().equals(form.getCode().strip()))) {
				// a document imported before: what would move is shown, and applied only when confirmed
				model.addAttribute("preview", importer.preview(document, "application/json"));
				model.addAttribute("content", Base64.getEncoder().encodeToString(document));
				model.addAttribute("fileName", form.getCode().strip() + ".json");
				return "web/import";
			}
			ImportResult result = importer.importDocument(document, "application/json",
					"Soạn từ văn bản (" + user.getName() + ")");
			return "redirect:/directives?document=" + URLEncoder.encode(result.code(), StandardCharsets.UTF_8) + "&imported="
					+ result.outcome().name();
		}
		catch (InvalidDocumentException invalid) {
			Map<Integer, List<String>> byRow = new HashMap<>();
			List<DocumentProblem> general = new ArrayList<>();
			for (DocumentProblem problem : invalid.problems()) {
				Matcher row = ROW.matcher(problem.path() == null ? "" : problem.path());
				if (row.find()) {
					byRow.computeIfAbsent(Integer.parseInt(row.group(1)), n -> new ArrayList<>()).add(problem.message()
							+ (problem.value() == null ? "" : " («" + problem.value() + "»)"));
				}
				else {
					general.add(problem);
				}
			}
			DraftForm compact = compact(form);
			model.addAttribute("form", compact);
			model.addAttribute("rowProblems", byRow);
			model.addAttribute("problems", general);
			model.addAttribute("problemCount", invalid.problems().size());
		}
		catch (ImportTimedOut timedOut) {
			model.addAttribute("form", compact(form));
			model.addAttribute("rowProblems", Map.of());
			model.addAttribute("failure", timedOut.getMessage());
		}
		return "web/drafts";
	}

	@PostMapping("/drafts/yaml")
	ResponseEntity<byte[]> yaml(@ModelAttribute("form") DraftForm form) throws IOException {
		byte[] body = YAML.writeValueAsBytes(document(form));
		String name = (blank(form.getCode()) ? "van-ban" : form.getCode().strip().replaceAll("[/\\\\:*?\"<>|]", "-")) + ".yml";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(body);
	}

	/** A deadline phrase as the editor types it: the date it resolves to and why, or why it does not. */
	@GetMapping(path = "/drafts/deadline", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> deadline(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String issuedOn) {
		Map<String, Object> answer = new LinkedHashMap<>();
		LocalDate issued = day(issuedOn);
		if (text.isBlank()) {
			answer.put("explanation", "Không thời hạn");
			return answer;
		}
		if (issued == null) {
			answer.put("error", "Hãy nhập ngày ban hành (dd/MM/yyyy) trước");
			return answer;
		}
		try {
			Deadline deadline = deadlines.parse(text, issued);
			answer.put("due", deadline.dueDate() == null ? null : deadline.dueDate().format(DAY));
			answer.put("explanation", deadline.explanation());
		}
		catch (DeadlineParseException | IllegalArgumentException e) {
			answer.put("error", e.getMessage());
		}
		return answer;
	}

	private static DraftForm form(Draft draft) {
		DraftForm form = new DraftForm();
		Draft.Document document = draft.document();
		form.setCode(document.code());
		form.setTitle(document.title());
		form.setIssuedBy(document.issuedBy());
		form.setIssuedOn(document.issuedOn() == null ? "" : document.issuedOn().format(DAY));
		form.setSigner(document.signer());
		for (Draft.Directive directive : document.directives()) {
			Row row = new Row();
			row.setSection(directive.section());
			row.setText(directive.text());
			row.setLead(String.join(", ", directive.lead()));
			row.setCoordinating(String.join(", ", directive.coordinating()));
			row.setDeadline(directive.deadline());
			row.setEvidence(directive.evidence());
			row.setConfidence(String.valueOf(Math.round(directive.confidence() * 100)));
			form.getDirectives().add(row);
		}
		return form;
	}

	private static DraftForm compact(DraftForm form) {
		form.setDirectives(new ArrayList<>(form.rows()));
		return form;
	}

	/** The form as a document of the import format; the importer checks every field. */
	private static Map<String, Object> document(DraftForm form) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("code", trimmed(form.getCode()));
		document.put("title", trimmed(form.getTitle()));
		document.put("issuedBy", trimmed(form.getIssuedBy()));
		document.put("issuedOn", trimmed(form.getIssuedOn()));
		document.put("signer", trimmed(form.getSigner()));
		List<Map<String, Object>> directives = new ArrayList<>();
		for (Row row : form.rows()) {
			Map<String, Object> directive = new LinkedHashMap<>();
			directive.put("section", trimmed(row.getSection()));
			directive.put("text", trimmed(row.getText()));
			directive.put("lead", units(row.getLead()));
			directive.put("coordinating", units(row.getCoordinating()));
			if (!blank(row.getDeadline())) {
				directive.put("deadline", row.getDeadline().strip());
			}
			directives.add(directive);
		}
		document.put("directives", directives);
		return document;
	}

	private static List<String> units(String references) {
		List<String> list = new ArrayList<>();
		if (references != null) {
			for (String reference : references.split("[,;\\n]")) {
				if (!reference.isBlank()) {
					list.add(reference.strip());
				}
			}
		}
		return list;
	}

	private static String trimmed(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static LocalDate day(String text) {
		try {
			return LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern("d/M/yyyy"));
		}
		catch (RuntimeException e) {
			return null;
		}
	}

}
