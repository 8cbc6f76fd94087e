package vn.dondoc.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.IThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The Thymeleaf templates of the e-mails: {@code <name>.html} and its plain-text twin {@code <name>.txt},
 * built in under {@code templates/mail/}. An operator overrides any of them by putting a file of the same
 * name into the template folder ({@code config/templates/mail/} by default), which is looked at first
 * when it exists. This engine is separate from the web pages' one on purpose: mail templates must never
 * resolve to a web view or the other way round.
 */
class MailTemplates {

	private static final Logger log = LoggerFactory.getLogger(MailTemplates.class);

	static final String CLASSPATH_FOLDER = "templates/mail/";

	/** The pieces the HTML templates share ({@code parts.html}: the footer); a file of fragments, not a mail. */
	static final String SHARED_PARTS = "parts";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final Path overrideFolder;

	private final Map<String, Boolean> builtIn = new ConcurrentHashMap<>();

	/**
	 * The expression context every rendering shares, through the wrappers below. Without one, Thymeleaf makes a
	 * new one for each template it renders, and with it a new property accessor that looks every getter up
	 * again by reflection: that was most of the rendering time in a reminder burst (JFR).
	 */
	private final EvaluationContext expressions = new StandardEvaluationContext();

	/**
	 * Thymeleaf's wrappers of {@link #expressions}, idle. Given a plain context, Thymeleaf wraps it anew for
	 * each template, and the wrapper replaces its property accessor with one of its own, which again starts
	 * with nothing found (the profile after the shared context still spent a fifth of the rendering there).
	 * A rendering therefore borrows a wrapper made earlier, which keeps what its accessor found. One
	 * rendering at a time uses a wrapper: Thymeleaf sets each expression's helper objects on it.
	 */
	private final Deque<IThymeleafEvaluationContext> idleWrappers = new ConcurrentLinkedDeque<>();

	/** The HTML and plain-text bodies of one message. */
	record Rendered(String html, String text) {
	}

	MailTemplates(Path overrideFolder) {
		// the expressions of a template compiled to bytecode once they are hot: reading properties by
		// reflection was most of the rendering time in a reminder burst
		engine.setEnableSpringELCompiler(true);
		this.overrideFolder = Files.isDirectory(overrideFolder) ? overrideFolder.toAbsolutePath().normalize() : null;
		int order = 1;
		if (this.overrideFolder != null) {
			for (TemplateMode mode : List.of(TemplateMode.HTML, TemplateMode.TEXT)) {
				FileTemplateResolver files = new FileTemplateResolver();
				files.setPrefix(this.overrideFolder + "/");
				// an edited template is picked up within a minute, without a restart
				files.setCacheTTLMs(60_000L);
				engine.addTemplateResolver(configure(files, mode, order++));
			}
			log.info("Mail templates in {} replace the built-in ones of the same name ({})", this.overrideFolder,
					listFolder(this.overrideFolder));
		}
		warnAboutLoneTemplates();
		for (TemplateMode mode : List.of(TemplateMode.HTML, TemplateMode.TEXT)) {
			ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
			builtIn.setPrefix(CLASSPATH_FOLDER);
			engine.addTemplateResolver(configure(builtIn, mode, order++));
		}
	}

	private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver resolver,
			TemplateMode mode, int order) {
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(mode == TemplateMode.HTML ? "*.html" : "*.txt"));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * The first of the names whose {@code .html} and {@code .txt} templates both exist (override folder or
	 * built in): a message always has both bodies.
	 */
	String pick(String... names) {
		for (String name : names) {
			if (exists(name + ".html") && exists(name + ".txt")) {
				return name;
			}
		}
		throw new IllegalStateException("No mail template among " + List.of(names) + " (folder " + CLASSPATH_FOLDER + ")");
	}

	private boolean exists(String file) {
		// the override folder may change while dondoc runs; the built-in templates do not (and a look-up in
		// the jar for every message costs more than rendering it)
		return (overrideFolder != null && Files.isRegularFile(overrideFolder.resolve(file)))
				|| builtIn.computeIfAbsent(file,
						name -> new ClassPathResource(CLASSPATH_FOLDER + name, MailTemplates.class.getClassLoader()).exists());
	}

	Rendered render(String name, Map<String, Object> variables) {
		IThymeleafEvaluationContext wrapper = idleWrappers.pollFirst();
		if (wrapper == null) {
			wrapper = new ThymeleafEvaluationContextWrapper(expressions);
		}
		try {
			Context context = new Context(VIETNAMESE, variables);
			context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, wrapper);
			return new Rendered(engine.process(name + ".html", context), engine.process(name + ".txt", context));
		}
		finally {
			idleWrappers.addFirst(wrapper);
		}
	}

	/** An override without its twin ({@code overdue.html} without {@code overdue.txt}) is not used: say so. */
	private void warnAboutLoneTemplates() {
		if (overrideFolder == null) {
			return;
		}
		try (Stream<Path> files = Files.list(overrideFolder)) {
			files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".html") || name.endsWith(".txt"))
				.map(name -> name.substring(0, name.lastIndexOf('.')))
				.distinct()
				.filter(name -> !name.equals(SHARED_PARTS))
				.filter(name -> !(exists(name + ".html") && exists(name + ".txt")))
				.forEach(name -> log.warn("Mail template {} in {} is not used: it needs both {}.html and {}.txt", name,
						overrideFolder, name, name));
		}
		catch (IOException e) {
			log.warn("Cannot read the mail template folder {}: {}", overrideFolder, e.getMessage());
		}
	}

	private static String listFolder(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
			return names.isEmpty() ? "empty" : String.join(", ", names);
		}
		catch (IOException e) {
			return "unreadable: " + e.getMessage();
		}
	}

}
