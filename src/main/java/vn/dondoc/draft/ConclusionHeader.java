package vn.dondoc.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dondoc.unit.UnitDirectory;

/**
 * What a conclusion says about itself above and below its body: number and symbol, place and date, issuing
 * body, kind and title, and the signer; and where its body starts and ends ("Nơi nhận" and the signer block
 * close it). What cannot be found is given a stand-in and a warning for the clerk.
 */
record ConclusionHeader(String code, String title, String issuedBy, LocalDate issuedOn, String signer, int bodyStart, int bodyEnd) {

	static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])Số\\s*[:.]?\\s*(\\d+\\s*[-–]\\s*[\\p{Lu}Đ]{1,6}(?:/[\\p{Lu}Đ\\d.-]+)+)");
	static final Pattern PLACE_AND_DATE = Pattern.compile(
			"^[\\p{L} .'-]{2,40},\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
	static final Pattern MEETING_DATE = Pattern.compile("(?:vào |trong |tại )?ngày (\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	static final Pattern KIND = Pattern.compile("^(THÔNG BÁO KẾT LUẬN|THÔNG BÁO|KẾT LUẬN|CHỈ THỊ|NGHỊ QUYẾT|KẾ HOẠCH|CÔNG VĂN|QUYẾT ĐỊNH)\\b.*");

	static ConclusionHeader read(List<String> lines, UnitDirectory units, LocalDate today, List<String> warnings) {
		// ---- header: number, place and date, issuing body, title; the body starts after the title
		String code = null;
		LocalDate issuedOn = null;
		List<String> issuers = new ArrayList<>();
		int titleAt = -1;
		int headerEnd = Math.min(lines.size(), 25);
		for (int i = 0; i < headerEnd; i++) {
			String line = lines.get(i);
			Matcher number = NUMBER.matcher(line);
			if (code == null && number.find()) {
				code = number.group(1).replaceAll("\\s+", "").replace('–', '-');
				String before = line.substring(0, number.start()).strip();
				if (!before.isEmpty() && TitleCasing.isUpper(before)) {
					issuers.add(before);
				}
				continue;
			}
			Matcher date = PLACE_AND_DATE.matcher(line);
			if (issuedOn == null && date.find()) {
				issuedOn = date(date.group(3), date.group(2), date.group(1));
				continue;
			}
			if (titleAt < 0 && KIND.matcher(line).matches()) {
				titleAt = i;
				break;
			}
			if (TitleCasing.isUpper(line) && !TextNormalizer.fold(line).contains("dang cong san viet nam") && !line.startsWith("*")
					&& line.length() < 80 && !ConclusionReader.isRoman(line)) {
				issuers.add(line);
			}
		}
		int bodyStart = 0;
		String title = null;
		if (titleAt >= 0) {
			StringBuilder words = new StringBuilder(lines.get(titleAt));
			bodyStart = titleAt + 1;
			while (bodyStart < lines.size() && TitleCasing.isUpper(lines.get(bodyStart)) && !ConclusionReader.isRoman(lines.get(bodyStart))
					&& !ConclusionReader.NUMBERED.matcher(lines.get(bodyStart)).matches()) {
				words.append(' ').append(lines.get(bodyStart));
				bodyStart++;
			}
			title = new TitleCasing(lines, units).sentence(words.toString());
		}
		else {
			warnings.add("Không thấy tên loại và trích yếu văn bản (KẾT LUẬN, THÔNG BÁO KẾT LUẬN …): hãy nhập tiêu đề");
			title = "Kết luận";
		}

		// ---- end: "Nơi nhận" and the signer block
		int bodyEnd = lines.size();
		String signer = null;
		for (int i = bodyStart; i < lines.size(); i++) {
			String folded = TextNormalizer.fold(lines.get(i));
			if (folded.startsWith("noi nhan")) {
				bodyEnd = Math.min(bodyEnd, i);
			}
			Matcher sign = SignerBlock.START.matcher(lines.get(i));
			if (sign.matches() && i > bodyStart) {
				bodyEnd = Math.min(bodyEnd, i);
				signer = SignerBlock.read(sign, lines, i, new TitleCasing(lines, units));
			}
		}
		if (issuedOn == null) {
			// no "Hải Phòng, ngày … tháng … năm …": the day of the meeting in the opening paragraph
			for (int i = bodyStart; i < Math.min(bodyEnd, bodyStart + 3) && issuedOn == null; i++) {
				Matcher meeting = MEETING_DATE.matcher(lines.get(i));
				if (meeting.find()) {
					issuedOn = date(meeting.group(3), meeting.group(2), meeting.group(1));
					warnings.add("Không thấy ngày ban hành («…, ngày … tháng … năm …»): tạm lấy ngày họp "
							+ display(issuedOn) + " ở đoạn mở đầu; hãy kiểm tra");
				}
			}
		}
		if (issuedOn == null) {
			issuedOn = today;
			warnings.add("Không thấy ngày ban hành: tạm lấy hôm nay " + display(issuedOn) + "; hãy sửa");
		}
		if (code == null) {
			code = "KL-" + issuedOn.toString().replace("-", "");
			warnings.add("Không thấy số, ký hiệu văn bản («Số …-KL/…»): tạm đặt mã " + code + "; hãy sửa");
		}
		if (signer == null) {
			warnings.add("Không thấy khối chữ ký (T/M, K/T, T/L …): hãy nhập người ký");
		}
		String issuedBy = issuers.isEmpty() ? null : String.join(" – ", issuers);
		return new ConclusionHeader(code, title, issuedBy, issuedOn, signer, bodyStart, bodyEnd);
	}

	private static LocalDate date(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static String display(LocalDate date) {
		return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

}
