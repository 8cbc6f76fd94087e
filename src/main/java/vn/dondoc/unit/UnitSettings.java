package vn.dondoc.unit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param file the unit directory; when it does not exist, the copy packaged in the jar is used
 */
@ConfigurationProperties("dondoc.unit")
public record UnitSettings(Path file) {

	public UnitSettings {
		file = file == null ? Path.of("config", "units.yml") : file;
	}

}
