package vn.dondoc.directive;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Strict UTF-8: a document with invalid bytes is refused, not silently patched with '?' or U+FFFD, and the
 * refusal says on which line and at which byte the first invalid one is.
 */
public final class Utf8 {

	private Utf8() {
	}

	/** The text of these bytes; a byte order mark is dropped. @throws InvalidDocumentException naming the line and byte of the first invalid byte */
	public static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int at = in.position();
			int line = 1;
			for (int i = 0; i < at; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new InvalidDocumentException(List.of(new DocumentProblem("(document)", line,
					String.format("0x%02X", bytes[at] & 0xFF),
					"Không phải chữ UTF-8 hợp lệ: byte thứ " + (at + 1) + " (dòng " + line
							+ ") không thuộc UTF-8; hãy lưu tệp với mã hóa UTF-8")));
		}
		String text = out.flip().toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
