package vn.dondoc.directive;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Utf8Test {

	@Test
	void readsVietnameseTextAndDropsAByteOrderMark() {
		String text = "code: KL-1\ntitle: Kết luận Hội nghị lần thứ 11 — quý II\n";
		byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);

		assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		assertThat(Utf8.decode(withBom)).isEqualTo(text);
		assertThat(Utf8.decode("𝔡 ✓".getBytes(StandardCharsets.UTF_8))).isEqualTo("𝔡 ✓");
		assertThat(Utf8.decode(new byte[0])).isEmpty();
	}

	@Test
	void namesTheLineAndTheByteOfTheFirstInvalidByte() {
		// "Phòng" written in Latin-1 on the third line: ò is the single byte 0xF2
		byte[] latin1 = "code: L1\ntitle: x\nissuedBy: Ph\u00f2ng\n".getBytes(StandardCharsets.ISO_8859_1);

		DocumentProblem problem = problemOf(latin1);

		assertThat(problem.path()).isEqualTo("(document)");
		assertThat(problem.line()).isEqualTo(3);
		assertThat(problem.value()).isEqualTo("0xF2");
		assertThat(problem.message()).contains("Không phải chữ UTF-8 hợp lệ").contains("byte thứ 31").contains("dòng 3");
	}

	@Test
	void refusesASequenceCutShortAtTheEnd() {
		byte[] ending = "title: Vi".getBytes(StandardCharsets.UTF_8);
		byte[] cut = java.util.Arrays.copyOf(ending, ending.length + 2);
		cut[ending.length] = (byte) 0xE1;   // the first two of the three bytes of "ệ"
		cut[ending.length + 1] = (byte) 0xBB;

		DocumentProblem problem = problemOf(cut);

		assertThat(problem.line()).isEqualTo(1);
		assertThat(problem.value()).isEqualTo("0xE1");
	}

	private static DocumentProblem problemOf(byte[] bytes) {
		InvalidDocumentException refused = catchThrowableOfType(InvalidDocumentException.class, () -> Utf8.decode(bytes));
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.problems()).hasSize(1);
		return refused.problems().get(0);
	}

}
