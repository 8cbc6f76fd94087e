package vn.dondoc.directive;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.unit.UnitSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentReaderTest {

	private final DocumentReader reader = new DocumentReader(new UnitDirectory(new UnitSettings(Path.of("config/units.yml"))),
			new DeadlineParser(new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")))));

	@Test
	void readsTheSeedConclusionWithEveryDirective() throws Exception {
		String text = java.nio.file.Files.readString(Path.of("config/directives/kl-hntu11-kxvi.yml"));
		DocumentSpec document = reader.read(text, DocumentReader.Format.YAML);

		assertThat(document.code()).isEqualTo("KL-HNTU11-KXVI");
		assertThat(document.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 13));
		assertThat(document.directives()).hasSize(28);
		DocumentSpec.DirectiveSpec rotation = section(document, "I.2.3.1");
		assertThat(rotation.text()).startsWith("Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ");
		assertThat(rotation.leadUnits()).containsExactly("ban-to-chuc");
		assertThat(rotation.dueDate()).isEqualTo(LocalDate.of(2023, 6, 30));
		DocumentSpec.DirectiveSpec manuscript = section(document, "II.2.1");
		assertThat(manuscript.leadUnits()).containsExactly("uy-vien-thanh-uy");
		assertThat(manuscript.coordinatingUnits()).containsExactly("ban-tuyen-giao");
		assertThat(manuscript.dueDate()).isEqualTo(LocalDate.of(2023, 4, 20));
		assertThat(section(document, "II.1.2").deadline().kind()).isEqualTo(DeadlineKind.EVENT);
		assertThat(section(document, "I.2.1.2").deadline().kind()).isEqualTo(DeadlineKind.ONGOING);
		assertThat(section(document, "I.2.2.1").leadUnits()).hasSize(34).contains("qu-le-chan", "bcsd-ubnd", "du-cong-an");
		assertThat(section(document, "I.2.1.9").leadUnits()).containsExactly("dd-mttq", "dd-ldld", "dd-hoi-nong-dan",
				"dd-hoi-phu-nu", "dd-hoi-ccb", "bt-thanh-doan");
	}

	@Test
	void reportsEveryProblemWithItsPathAndLine() {
		String text = """
				code: TEST-1
				title: Văn bản thử
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Việc một
				    lead: [ban-khong-co]
				    deadline: trong quý V năm 2023
				  - section: "1"
				    lead: [ban-to-chuc]
				    deadline: trong tháng 5/2023
				  - section: "3"
				    text: Việc ba
				    lead: ["@nhom-khong-co"]
				    dueDate: 31/2/2023
				  - section: "4"
				    text: Việc bốn
				    lead: [ban-to-chuc]
				    dueDate: 2023-01-05
				    color: red
				""";
		InvalidDocumentException refused = catchThrowableOfType(InvalidDocumentException.class,
				() -> reader.read(text, DocumentReader.Format.YAML));

		assertThat(refused.problems()).extracting(DocumentProblem::path)
			.contains("directives[0].lead[0]", "directives[0].deadline", "directives[1].text", "directives[2].lead[0]",
					"directives[2].dueDate", "directives[3].dueDate", "directives[3].color");
		assertThat(refused.problems()).filteredOn(p -> p.path().equals("directives[0].lead[0]"))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.line()).isEqualTo(7);
				assertThat(p.value()).isEqualTo("ban-khong-co");
				assertThat(p.message()).contains("Không có đơn vị hay nhóm này");
			});
		assertThat(refused.problems()).filteredOn(p -> p.path().equals("directives[2].dueDate"))
			.singleElement()
			.satisfies(p -> assertThat(p.value()).isEqualTo("31/2/2023"));
		assertThat(refused.problems()).filteredOn(p -> p.path().equals("directives[3].dueDate"))
			.singleElement()
			.satisfies(p -> assertThat(p.message()).contains("sớm hơn ngày ban hành 13/04/2023"));
	}

	@Test
	void refusesADuplicatedSection() {
		String text = """
				{"code": "TEST-2", "title": "Thử", "issuedOn": "13/04/2023", "directives": [
				  {"section": "1", "text": "Một", "lead": "ban-to-chuc"},
				  {"section": "1", "text": "Hai", "lead": ["ban-tuyen-giao"]}]}
				""";
		assertThatThrownBy(() -> reader.read(text, DocumentReader.Format.JSON)).isInstanceOfSatisfying(InvalidDocumentException.class,
				e -> assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.path()).isEqualTo("directives[1].section");
					assertThat(p.message()).contains("hai lần");
					assertThat(p.line()).isEqualTo(3);
				}));
	}

	@Test
	void refusesMalformedYamlWithTheLine() {
		assertThatThrownBy(() -> reader.read("code: A\ntitle: [unclosed\n", DocumentReader.Format.YAML))
			.isInstanceOfSatisfying(InvalidDocumentException.class,
					e -> assertThat(e.problems()).singleElement().satisfies(p -> {
						assertThat(p.message()).startsWith("Không phải YAML hợp lệ");
						assertThat(p.line()).isNotNull();
					}));
	}

	@Test
	void refusesControlCharactersAndMultiLineCodes() {
		String text = "code: \"A\\nB\"\ntitle: \"X\\u0007\"\nissuedOn: 2023-04-13\ndirectives:\n  - {section: \"1\", text: ok, lead: [ban-to-chuc]}\n";
		assertThatThrownBy(() -> reader.read(text, DocumentReader.Format.YAML)).isInstanceOfSatisfying(InvalidDocumentException.class,
				e -> assertThat(e.problems()).extracting(DocumentProblem::path).contains("code", "title"));
	}

	private static DocumentSpec.DirectiveSpec section(DocumentSpec document, String section) {
		return document.directives().stream().filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

}
