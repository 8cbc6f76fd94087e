package vn.dondoc.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Limits on the files of one result report ({@code dondoc.report.*}). The servlet container's own limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}) must be at least as large.
 *
 * @param maxFileBytes the largest file (default 10 MB; a number is bytes, "10MB" works too)
 * @param maxTotalBytes all files of one report together (default 20 MB)
 * @param maxFiles how many files one report may carry (default 10)
 */
@ConfigurationProperties("dondoc.report")
public record ReportFileSettings(@DataSizeUnit(DataUnit.BYTES) DataSize maxFileBytes, @DataSizeUnit(DataUnit.BYTES) DataSize maxTotalBytes,
		Integer maxFiles) {

	public ReportFileSettings {
		maxFileBytes = maxFileBytes == null ? DataSize.ofMegabytes(10) : maxFileBytes;
		maxTotalBytes = maxTotalBytes == null ? DataSize.ofMegabytes(20) : maxTotalBytes;
		maxFiles = maxFiles == null ? 10 : maxFiles;
	}

}
