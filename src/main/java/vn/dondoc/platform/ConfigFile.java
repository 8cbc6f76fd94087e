package vn.dondoc.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An operator file under {@code config/} (units, holidays, reminder policy…): read from disk when it is
 * there, else from the copy packaged in the jar under {@code defaults/config/}, so that a bare jar still
 * has sane defaults.
 *
 * @param origin where the text came from, for messages
 * @param text the file's content, decoded as UTF-8
 */
public record ConfigFile(String origin, String text) {

	static final String PACKAGED_FOLDER = "defaults/";

	/** Reads {@code file}, or its packaged copy; empty when neither exists. */
	public static Optional<ConfigFile> read(Path file) {
		if (Files.isRegularFile(file)) {
			try {
				return Optional.of(new ConfigFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
			}
		}
		String resource = PACKAGED_FOLDER + file.normalize().toString().replace('\\', '/');
		try (InputStream in = ConfigFile.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return Optional.empty();
			}
			return Optional.of(new ConfigFile("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the packaged " + resource + ": " + e.getMessage(), e);
		}
	}

}
