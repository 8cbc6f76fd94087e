package vn.dondoc.unit;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitFileTest {

	@Test
	void readsTheSeedDirectoryWithItsGroupsAndEscalations() {
		UnitDirectory directory = new UnitDirectory(new UnitSettings(Path.of("config/units.yml")));

		assertThat(directory.all()).hasSize(37);
		assertThat(directory.find("ban-to-chuc")).hasValueSatisfying(unit -> {
			assertThat(unit.name()).isEqualTo("Ban Tổ chức Thành ủy");
			assertThat(unit.kind()).isEqualTo(UnitKind.BAN);
			assertThat(unit.mailboxes()).containsExactly("ban-to-chuc@thanhuy-haiphong.example");
		});
		assertThat(directory.escalationChain("ban-to-chuc")).extracting(Unit::code)
			.containsExactly("van-phong-thanh-uy", "thuong-truc-thanh-uy");
		assertThat(directory.expand(List.of("@quan-uy-huyen-uy", "ban-to-chuc"))).hasSize(16).endsWith("ban-to-chuc");
		assertThat(directory.expand("@khong-co")).isEmpty();
	}

	@Test
	void aliasesAndGroupPhrasesAreHowDocumentsWriteUnitsAndAreCheckedLikeTheRest() {
		UnitDirectory directory = new UnitDirectory(new UnitSettings(Path.of("config/units.yml")));
		assertThat(directory.names().get("uy-ban-kiem-tra")).startsWith("Ủy ban Kiểm tra Thành ủy").contains("UBKT Thành ủy");
		assertThat(directory.names().get("@quan-uy-huyen-uy")).contains("các quận ủy, huyện ủy");

		String text = """
				units:
				  - code: ban-a
				    name: Ban A
				    kind: BAN
				    mailboxes: [ban-a@example.org]
				    aliases: "không phải danh sách"
				groupAliases:
				  khong-co: ["nhóm không có"]
				groups:
				  nhom: [ban-a]
				""";
		assertThatThrownBy(() -> UnitFile.parse("units.yml", text)).isInstanceOfSatisfying(InvalidUnitFileException.class,
				e -> assertThat(e.problems()).anyMatch(p -> p.startsWith("units[0].aliases"))
					.anyMatch(p -> p.contains("groupAliases.khong-co: unknown group")));
	}

	@Test
	void refusesABadDirectoryWithEveryProblemNamed() {
		String text = """
				units:
				  - code: ban-a
				    name: Ban A
				    kind: BAN
				    mailboxes: [ban-a@example.org]
				    escalatesTo: ban-b
				  - code: ban-b
				    name: Ban B
				    kind: BAN
				    mailboxes: [ban-b@example.org, "ban-b2@example.org\\r\\nBcc: x@evil.example"]
				    escalatesTo: ban-a
				  - code: ban-a
				    name: Ban A lặp
				    kind: PHONG
				    mailboxes: []
				  - code: Ban C
				    name: Ban C
				    kind: BAN
				    mailboxes: [c@example.org]
				  - code: ban-d
				    name: Ban D
				    kind: BAN
				    mailboxes: [d@example.org]
				    escalatesTo: khong-co
				groups:
				  nhom: [ban-a, khong-co]
				""";
		assertThatThrownBy(() -> UnitFile.parse("units.yml", text)).isInstanceOfSatisfying(InvalidUnitFileException.class,
				e -> assertThat(e.problems())
					.anySatisfy(p -> assertThat(p).startsWith("units[1].mailboxes[1]").contains("\\r\\n"))
					.anySatisfy(p -> assertThat(p).startsWith("units[2].kind"))
					.anySatisfy(p -> assertThat(p).startsWith("units[2].mailboxes"))
					.anySatisfy(p -> assertThat(p).startsWith("units[3].code"))
					.anySatisfy(p -> assertThat(p).startsWith("units[4].escalatesTo").contains("khong-co"))
					.anySatisfy(p -> assertThat(p).startsWith("groups.nhom[1]").contains("khong-co")));
	}

	@Test
	void refusesAnEscalationCircle() {
		String text = """
				units:
				  - { code: ban-a, name: Ban A, kind: BAN, mailboxes: [a@example.org], escalatesTo: ban-b }
				  - { code: ban-b, name: Ban B, kind: BAN, mailboxes: [b@example.org], escalatesTo: ban-a }
				""";
		assertThatThrownBy(() -> UnitFile.parse("units.yml", text)).isInstanceOfSatisfying(InvalidUnitFileException.class,
				e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("goes round in a circle")));
	}

	@Test
	void refusesYamlThatDoesNotParseWithItsLine() {
		assertThatThrownBy(() -> UnitFile.parse("units.yml", "units:\n  - code: [unclosed\n"))
			.isInstanceOf(InvalidUnitFileException.class)
			.hasMessageContaining("line");
	}

}
