package vn.dondoc.directive;

import java.time.Duration;

/**
 * An import ran past {@code dondoc.directive.import-timeout}: it was stopped and rolled back whole, nothing
 * changed, and the node carries on.
 */
public class ImportTimedOut extends RuntimeException {

	ImportTimedOut(String code, Duration limit, Throwable cause) {
		super("Nhập văn bản " + code + " chạy quá " + words(limit)
				+ " nên đã dừng; chưa thay đổi gì. Hãy thử lại lúc ít việc hơn, hoặc tách văn bản (giới hạn: dondoc.directive.import-timeout)",
				cause);
	}

	static String words(Duration limit) {
		if (limit.toSeconds() >= 60 && limit.toSecondsPart() == 0) {
			return limit.toMinutes() + " phút";
		}
		if (limit.toMillis() >= 1000 && limit.toMillisPart() == 0) {
			return limit.toSeconds() + " giây";
		}
		return limit.toMillis() + " mili giây";
	}

}
