package vn.dondoc.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is read from a file before the rules: Word's own list numbers, text normalised, files that are not text. */
class ConclusionFileTest {

	@Test
	void wordsAutomaticListNumbersAreWrittenOutAsTheReaderSeesThem() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
			abstractNum.setAbstractNumId(BigInteger.ZERO);
			CTLvl decimal = abstractNum.addNewLvl();
			decimal.setIlvl(BigInteger.ZERO);
			decimal.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
			decimal.addNewLvlText().setVal("%1.");
			CTLvl letter = abstractNum.addNewLvl();
			letter.setIlvl(BigInteger.ONE);
			letter.addNewNumFmt().setVal(STNumberFormat.LOWER_LETTER);
			letter.addNewLvlText().setVal("%2)");
			XWPFNumbering numbering = document.createNumbering();
			BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
			document.createParagraph().createRun().setText("KẾT LUẬN");
			item(document, numId, 0, "Nhiệm vụ chung");
			item(document, numId, 1, "Giao Ban Tổ chức Thành ủy báo cáo.");
			item(document, numId, 1, "Giao Ban Dân vận Thành ủy hướng dẫn.");
			item(document, numId, 0, "Nhiệm vụ khác");
			document.write(out);
			assertThat(ConclusionFile.lines(out.toByteArray(), 1 << 20)).containsExactly("KẾT LUẬN", "1. Nhiệm vụ chung",
					"a) Giao Ban Tổ chức Thành ủy báo cáo.", "b) Giao Ban Dân vận Thành ủy hướng dẫn.", "2. Nhiệm vụ khác");
		}
	}

	private static void item(XWPFDocument document, BigInteger numId, int level, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setNumID(numId);
		paragraph.setNumILvl(BigInteger.valueOf(level));
		paragraph.createRun().setText(text);
	}

	@Test
	void textIsNormalisedBeforeItIsRead() {
		String decomposed = java.text.Normalizer.normalize("Thành ủy", java.text.Normalizer.Form.NFD);
		List<String> lines = ConclusionFile.lines(("Ban Tổ\u00A0chức  " + decomposed + "\u00AD\r\n\r\n- Giao **Ban Tổ chức** báo cáo")
			.getBytes(StandardCharsets.UTF_8), 1 << 20);
		assertThat(lines).containsExactly("Ban Tổ chức Thành ủy", "- Giao Ban Tổ chức báo cáo");
	}

	@Test
	void aFileThatIsNotTextIsRefusedByWhatItIsNotByItsName() {
		assertThatThrownBy(() -> ConclusionFile.lines(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }, 1 << 20))
			.isInstanceOf(UnreadableConclusion.class).hasMessageContaining(".doc cũ");
		assertThatThrownBy(() -> ConclusionFile.lines("   \n\n ".getBytes(StandardCharsets.UTF_8), 1 << 20))
			.isInstanceOf(UnreadableConclusion.class).hasMessageContaining("không có chữ");
		assertThatThrownBy(() -> ConclusionFile.lines(new byte[100], 10)).isInstanceOf(UnreadableConclusion.class)
			.hasMessageContaining("tối đa 10 byte");
	}

}
