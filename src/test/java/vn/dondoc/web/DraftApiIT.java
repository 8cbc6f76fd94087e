package vn.dondoc.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.dondoc.directive.DirectiveCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/drafts} with a Word file and a PDF made here, read into the same directives, and the
 * drafted {@code document} accepted unchanged by {@code POST /api/documents}; every kind of bad file refused
 * with a Vietnamese problem, nothing stored.
 */
@DashboardIT
class DraftApiIT {

	static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static List<String> headerLeft(String code) {
		return List.of("THÀNH ỦY HẢI PHÒNG", "Số " + code);
	}

	static final List<String> HEADER_RIGHT = List.of("ĐẢNG CỘNG SẢN VIỆT NAM", "Hải Phòng, ngày 20 tháng 11 năm 2026");

	static final List<String> BODY = List.of("KẾT LUẬN", "CỦA BAN THƯỜNG VỤ THÀNH ỦY VỀ CÔNG TÁC QUÝ I NĂM 2027",
			"Ngày 18/11/2026, Ban Thường vụ Thành ủy họp và kết luận như sau:",
			"1. Nhiệm vụ cụ thể",
			"- Giao Ban Tổ chức Thành ủy chủ trì, phối hợp với Ủy ban Kiểm tra Thành ủy rà soát quy hoạch cán bộ, hoàn thành trong quý I năm 2027.",
			"- Đề nghị Đảng đoàn HĐND thành phố chỉ đạo giám sát chuyên đề trước ngày 15/01/2027.",
			"- Ban Dân vận Thành ủy tiếp tục theo dõi tình hình tôn giáo.",
			"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Đông");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	DirectiveCatalog catalog;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aWordFileIsDraftedAndItsDocumentImportsUnchanged() throws Exception {
		JsonNode draft = draft(word("77-KL/TU"), WORD);
		JsonNode document = draft.get("document");
		assertThat(document.get("code").asText()).isEqualTo("77-KL/TU");
		assertThat(document.get("issuedOn").asText()).isEqualTo("2026-11-20");
		assertThat(document.get("issuedBy").asText()).isEqualTo("THÀNH ỦY HẢI PHÒNG");
		assertThat(document.get("signer").asText()).isEqualTo("Trần Văn Đông, Phó bí thư (T/M Ban Thường vụ)");
		assertDirectives(document);

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> imported = rest.withBasicAuth("vanphong", "demo").postForEntity("/api/documents",
				new HttpEntity<>(json.writeValueAsBytes(document), headers), String.class);
		assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(catalog.documents()).anyMatch(d -> d.code().equals("77-KL/TU"));
	}

	@Test
	void aPdfWithATextLayerIsDraftedAlike() throws Exception {
		JsonNode draft = draft(pdf("77-KL/TU"), "application/pdf");
		assertThat(draft.get("document").get("code").asText()).isEqualTo("77-KL/TU");
		assertThat(draft.get("document").get("issuedOn").asText()).isEqualTo("2026-11-20");
		assertDirectives(draft.get("document"));
	}

	@Test
	void badFilesAreRefusedInVietnameseAndNothingIsStored() throws Exception {
		int documents = catalog.documents().size();
		assertRefused(new byte[0], "text/plain", HttpStatus.BAD_REQUEST, "Tệp rỗng");
		assertRefused(png(), "application/octet-stream", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Word (.docx), PDF");
		assertRefused(imageOnlyPdf(), "application/pdf", HttpStatus.UNPROCESSABLE_ENTITY, "không có lớp chữ");
		// as curl and browsers send a large body: the server answers before the body is sent
		HttpResponse<String> huge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/api/drafts"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("vanphong:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/pdf")
			.expectContinue(true)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024]))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(json.readTree(huge.body()).get("detail").asText()).contains("tối đa").contains("dondoc.draft.max-bytes");
		assertRefused("Giao Ban Tổ chức báo cáo".getBytes(StandardCharsets.ISO_8859_1), "text/plain", HttpStatus.BAD_REQUEST, "UTF-8");
		assertRefused("PK\u0003\u0004 không phải Word".getBytes(StandardCharsets.UTF_8), WORD, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Word");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_PLAIN);
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").postForEntity("/api/drafts", new HttpEntity<>("Giao Ban Tổ chức", headers),
				String.class).getStatusCode()).as("a unit may not draft").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.postForEntity("/api/drafts", new HttpEntity<>("Giao Ban Tổ chức", headers), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(catalog.documents()).hasSize(documents);
	}

	private static void assertDirectives(JsonNode document) {
		JsonNode directives = document.get("directives");
		assertThat(directives).hasSize(3);
		assertThat(directives.get(0).get("section").asText()).isEqualTo("1.1");
		assertThat(directives.get(0).get("lead").toString()).isEqualTo("[\"ban-to-chuc\"]");
		assertThat(directives.get(0).get("coordinating").toString()).isEqualTo("[\"uy-ban-kiem-tra\"]");
		assertThat(directives.get(0).get("due").asText()).isEqualTo("2027-03-31");
		assertThat(directives.get(0).get("evidence").asText()).contains("hoàn thành trong quý I năm 2027");
		assertThat(directives.get(1).get("lead").toString()).isEqualTo("[\"dd-hdnd\"]");
		assertThat(directives.get(1).get("deadline").asText()).isEqualTo("trước ngày 15/01/2027");
		assertThat(directives.get(2).get("lead").toString()).isEqualTo("[\"ban-dan-van\"]");
		assertThat(directives.get(2).get("deadline").asText()).isEqualTo("tiếp tục");
		assertThat(directives.get(2).get("due").isNull()).isTrue();
	}

	private JsonNode draft(byte[] body, String type) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(type));
		ResponseEntity<String> response = rest.withBasicAuth("vanphong", "demo").postForEntity("/api/drafts", new HttpEntity<>(body, headers),
				String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(response.getBody());
	}

	private void assertRefused(byte[] body, String type, HttpStatus status, String message) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(type));
		ResponseEntity<String> response = rest.withBasicAuth("vanphong", "demo").postForEntity("/api/drafts", new HttpEntity<>(body, headers),
				String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(json.readTree(response.getBody()).get("detail").asText()).contains(message);
	}

	/** A Word file as offices write them: the header in a two-column table without borders, then the body. */
	static byte[] word(String code) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFTable header = document.createTable(1, 2);
			fill(header.getRow(0).getCell(0), headerLeft(code));
			fill(header.getRow(0).getCell(1), HEADER_RIGHT);
			for (String line : BODY) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	private static void fill(XWPFTableCell cell, List<String> lines) {
		cell.getParagraphs().get(0).createRun().setText(lines.get(0));
		for (String line : lines.subList(1, lines.size())) {
			cell.addParagraph().createRun().setText(line);
		}
	}

	/** A PDF with a text layer, in a font with Vietnamese letters (Liberation Sans, shipped inside PDFBox). */
	static byte[] pdf(String code) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
				InputStream font = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType0Font sans = PDType0Font.load(document, font);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(sans, 9);
				content.setLeading(14);
				content.newLineAtOffset(40, 800);
				for (String line : headerLeft(code)) {
					content.showText(line);
					content.newLine();
				}
				for (String line : HEADER_RIGHT) {
					content.showText(line);
					content.newLine();
				}
				for (String line : BODY) {
					for (String part : wrap(line, 95)) {
						content.showText(part);
						content.newLine();
					}
				}
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	/** A line broken at spaces into lines of at most {@code width} characters, as a page breaks it. */
	private static List<String> wrap(String line, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : line.split(" ")) {
			if (current.length() > 0 && current.length() + 1 + word.length() > width) {
				lines.add(current.toString());
				current.setLength(0);
			}
			current.append(current.length() == 0 ? "" : " ").append(word);
		}
		lines.add(current.toString());
		return lines;
	}

	static byte[] imageOnlyPdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDImageXObject scan = LosslessFactory.createFromImage(document, new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB));
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(scan, 40, 40, 500, 700);
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
