package vn.dondoc.directive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * With {@code dondoc.demo.enabled}, imports every document of {@code config/directives/} (or the copies
 * packaged in the jar) once the application has started. A document that does not validate is reported
 * in the log with every problem and skipped; dondoc keeps running.
 */
@Component
@Order(100)
class DemoImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoImport.class);

	private final DemoSettings demo;

	private final DirectiveSettings settings;

	private final DocumentImporter importer;

	DemoImport(DemoSettings demo, DirectiveSettings settings, DocumentImporter importer) {
		this.demo = demo;
		this.settings = settings;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		for (Document document : documents()) {
			try {
				importer.importDocument(document.text(), document.name(), document.name(), demo.rebaseToToday());
			}
			catch (InvalidDocumentException | ImportTimedOut e) {
				log.error("Demo document {} was not imported: {}", document.name(), e.getMessage());
			}
		}
	}

	record Document(String name, String text) {
	}

	private List<Document> documents() {
		List<Document> documents = new ArrayList<>();
		Path folder = settings.directivesDir();
		try {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(DemoImport::isDocument).sorted().toList()) {
						documents.add(new Document(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
					}
				}
			}
			else {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:defaults/config/directives/*")) {
					if (resource.getFilename() != null && isDocument(Path.of(resource.getFilename()))) {
						documents.add(new Document("classpath:" + resource.getFilename(),
								resource.getContentAsString(StandardCharsets.UTF_8)));
					}
				}
			}
		}
		catch (IOException e) {
			log.error("Cannot read the demo documents in {}: {}", folder.toAbsolutePath(), e.getMessage());
		}
		return documents;
	}

	private static boolean isDocument(Path file) {
		String name = file.getFileName().toString().toLowerCase();
		return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json");
	}

}
