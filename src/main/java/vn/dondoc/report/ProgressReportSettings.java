package vn.dondoc.report;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The progress report ({@code dondoc.report.*}, beside the limits on report files): who issues it, where,
 * and when it is sent by itself.
 *
 * @param issuer the issuing body's superior, top left in capitals ("THÀNH ỦY HẢI PHÒNG")
 * @param office the issuing body, under it in bold ("VĂN PHÒNG")
 * @param symbol the symbol after the blank number ("-BC/VPTU": "Số      -BC/VPTU")
 * @param place the place before the date ("Hải Phòng, ngày …")
 * @param signedFor the signature block's authority line ("T/L BAN THƯỜNG VỤ")
 * @param signerTitle the signer's title ("CHÁNH VĂN PHÒNG"); the name is left blank to sign
 * @param schedule {@code quarterly} (the default): sent on the first working day of each quarter; {@code never}
 * @param at the time of day (Vietnam) it is sent on that day
 * @param recipients units of {@code units.yml} (codes or {@code @groups}) whose mailboxes receive it; default the
 * Thường trực and the Văn phòng
 */
@ConfigurationProperties("dondoc.report")
record ProgressReportSettings(String issuer, String office, String symbol, String place, String signedFor, String signerTitle,
		Schedule schedule, LocalTime at, List<String> recipients) {

	/** When the report goes out by itself. */
	enum Schedule {
		QUARTERLY, NEVER
	}

	ProgressReportSettings {
		issuer = text(issuer, "THÀNH ỦY HẢI PHÒNG");
		office = text(office, "VĂN PHÒNG");
		symbol = text(symbol, "-BC/VPTU");
		place = text(place, "Hải Phòng");
		signedFor = text(signedFor, "T/L BAN THƯỜNG VỤ");
		signerTitle = text(signerTitle, "CHÁNH VĂN PHÒNG");
		schedule = schedule == null ? Schedule.QUARTERLY : schedule;
		at = at == null ? LocalTime.of(8, 0) : at;
		recipients = recipients == null || recipients.isEmpty() ? List.of("thuong-truc-thanh-uy", "van-phong-thanh-uy")
				: recipients.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
	}

	private static String text(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

}
