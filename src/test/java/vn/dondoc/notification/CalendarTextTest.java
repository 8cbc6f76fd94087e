package vn.dondoc.notification;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar text dondoc writes itself, read back by ical4j's parser as a calendar client reads it. */
class CalendarTextTest {

	private static final Instant NOW = Instant.parse("2023-06-20T01:00:00Z");

	/** Vietnamese of three-octet letters, the TEXT specials, every kind of line break, a bell and a four-octet emoji. */
	private static final String AWKWARD = "Rà soát, sắp xếp; tổ chức bộ máy \\ tinh gọn – hoạt động hiệu lực, hiệu quả.\r\n"
			+ "Đơn vị: Ban Tổ chức Thành ủy\rCâu thứ ba\nCâu thứ tư\u0007 có chuông và 🙂 một biểu tượng; "
			+ "ừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừừ hết.";

	@Test
	void foldsEveryLineWithinSeventyFiveOctetsAndNeverInsideALetter() throws Exception {
		byte[] file = CalendarFile.write(List.of(event(AWKWARD, "https://dondoc.example/directives/12")), ics -> {
		});

		String text = new String(file, StandardCharsets.UTF_8);
		assertThat(text).endsWith("END:VCALENDAR\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\r", "\n");
		List<byte[]> lines = split(file);
		assertThat(lines).hasSizeGreaterThan(10);
		for (byte[] line : lines) {
			assertThat(line.length).as("octets of a line").isLessThanOrEqualTo(CalendarText.MAX_OCTETS);
			strictUtf8(line);   // each physical line on its own: a letter cut in two would not decode
		}
	}

	@Test
	void aParserReadsBackWhatWasWritten() throws Exception {
		byte[] file = CalendarFile.write(List.of(event(AWKWARD, "https://dondoc.example/directives/12")),
				ics -> ics.text("X-WR-CALNAME", "Hạn, của; Ban \\ Tổ chức").property("X-PUBLISHED-TTL", "PT1H"));

		Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(file));
		VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
		String expected = AWKWARD.replace("\r\n", "\n").replace('\r', '\n').replace('\u0007', ' ');
		assertThat(event.getDescription().getValue()).isEqualTo(expected);
		assertThat(event.getSummary().getValue()).isEqualTo("Hạn: " + "Rà soát, sắp xếp; tổ chức");
		assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
		assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("dondoc-abc@d.example");
		assertThat(event.getUrl().getValue()).isEqualTo("https://dondoc.example/directives/12");
		assertThat(event.getDateTimeStamp().getDate()).isEqualTo(NOW);
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Hạn, của; Ban \\ Tổ chức");
		assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
		assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
	}

	@Test
	void aLineBreakInAValueCannotStartAPropertyOfItsOwn() throws Exception {
		String text = new CalendarText().begin("VEVENT")
			.property("UID", "x@d.example\r\nATTENDEE:mailto:ke-gian@example.com")
			.text("SUMMARY", "Hạn\r\nATTENDEE:mailto:ke-gian@example.com")
			.end("VEVENT")
			.toString();

		assertThat(text.lines()).noneMatch(line -> line.startsWith("ATTENDEE"));
		assertThat(text).contains("UID:x@d.exampleATTENDEE:mailto:ke-gian@example.com\r\n")
			.contains("SUMMARY:Hạn\\nATTENDEE:mailto:ke-gian@example.com\r\n");
	}

	@Test
	void aLinkThatIsNoUriIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> event("x", "https://dondoc.example/có dấu cách"));
	}

	private static CalendarFile.Event event(String description, String url) {
		return new CalendarFile.Event(LocalDate.of(2023, 6, 30), "Hạn: Rà soát, sắp xếp; tổ chức", "dondoc-abc@d.example", 2,
				description, url, NOW);
	}

	/** The physical lines, without their CRLF; a continuation keeps its leading space. */
	private static List<byte[]> split(byte[] file) {
		List<byte[]> lines = new java.util.ArrayList<>();
		int start = 0;
		for (int i = 0; i + 1 < file.length; i++) {
			if (file[i] == '\r' && file[i + 1] == '\n') {
				lines.add(Arrays.copyOfRange(file, start, i));
				start = i + 2;
				i++;
			}
		}
		assertThat(start).as("the file ends with CRLF").isEqualTo(file.length);
		return lines;
	}

	private static void strictUtf8(byte[] line) throws CharacterCodingException {
		StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(line));
	}

}
