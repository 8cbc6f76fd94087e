package vn.dondoc.platform;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code dondoc.data-dir} absolute before anything reads it: H2 refuses a database path that is
 * only implicitly relative ({@code data/dondoc}), and the start-up report should show where the data
 * really is.
 */
class DataDirectoryPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY = "dondoc.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(PROPERTY, "./data");
		String absolute = Path.of(configured).toAbsolutePath().normalize().toString().replace('\\', '/');
		environment.getPropertySources().addFirst(new MapPropertySource("dondocDataDirectory", Map.of(PROPERTY, absolute)));
	}

}
