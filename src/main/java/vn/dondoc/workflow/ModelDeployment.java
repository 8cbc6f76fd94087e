package vn.dondoc.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

/**
 * Deploys every model of the model folder when the application starts, one Camunda deployment per file
 * (named after the file) with duplicate filtering, so only a file that changed gets a new version. Runs
 * before the web server opens, and a model that does not parse stops the start-up with its file name and
 * the parser's words ({@link ModelDoesNotParseException}).
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	static final String DEPLOYMENT_SOURCE = "dondoc";

	private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".form");

	private final RepositoryService repositoryService;

	private final WorkflowSettings settings;

	ModelDeployment(RepositoryService repositoryService, WorkflowSettings settings) {
		this.repositoryService = repositoryService;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Model> models = findModels();
		if (models.isEmpty()) {
			log.warn("No BPMN model found in {} nor in the jar: nothing to deploy", settings.modelDir().toAbsolutePath());
		}
		int deployed = 0;
		for (Model model : models) {
			if (deploy(model)) {
				deployed++;
			}
		}
		log.info("Models: {} found in {}, {} new or changed and deployed, {} unchanged", models.size(),
				models.isEmpty() ? "-" : models.get(0).origin(), deployed, models.size() - deployed);
	}

	private boolean deploy(Model model) {
		Deployment previous = repositoryService.createDeploymentQuery()
			.deploymentName(model.name())
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		try {
			Deployment deployment = repositoryService.createDeployment()
				.name(model.name())
				.source(DEPLOYMENT_SOURCE)
				.enableDuplicateFiltering(true)
				.addInputStream(model.name(), new ByteArrayInputStream(model.bytes()))
				.deploy();
			boolean isNew = previous == null || !previous.getId().equals(deployment.getId());
			if (isNew) {
				log.info("Deployed {} from {}", model.name(), model.origin());
			}
			return isNew;
		}
		catch (ParseException e) {
			throw new ModelDoesNotParseException(model.origin() + "/" + model.name(), describe(e));
		}
		catch (ProcessEngineException e) {
			SAXParseException xml = xmlProblem(e);
			if (xml == null) {
				throw e;
			}
			throw new ModelDoesNotParseException(model.origin() + "/" + model.name(),
					"line " + xml.getLineNumber() + ", column " + xml.getColumnNumber() + ": " + xml.getMessage());
		}
	}

	/** A file that is not even well-formed XML fails below the BPMN parser, with a SAX error inside. */
	private static SAXParseException xmlProblem(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SAXParseException sax) {
				return sax;
			}
		}
		return null;
	}

	static String describe(ParseException e) {
		List<String> problems = new ArrayList<>();
		// (sic: Camunda spells the getter "Resorce")
		for (ResourceReport report : e.getResorceReports()) {
			for (Problem problem : report.getErrors()) {
				StringBuilder line = new StringBuilder();
				if (problem.getLine() > 0) {
					line.append("line ").append(problem.getLine()).append(", column ").append(problem.getColumn()).append(": ");
				}
				// Camunda appends advice after the first line; the first line names the problem
				line.append(problem.getMessage().lines().findFirst().orElse(""));
				if (problem.getMainElementId() != null) {
					line.append(" (element ").append(problem.getMainElementId()).append(')');
				}
				problems.add(line.toString());
			}
		}
		return problems.isEmpty() ? e.getMessage() : String.join("\n  ", problems);
	}

	private List<Model> findModels() {
		Path folder = settings.modelDir();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				List<Path> paths = files.filter(Files::isRegularFile)
					.filter(path -> !isHidden(folder.relativize(path)))
					.filter(path -> isModel(path.getFileName().toString()))
					.sorted(Comparator.naturalOrder())
					.toList();
				List<Model> models = new ArrayList<>();
				for (Path path : paths) {
					String name = folder.relativize(path).toString().replace('\\', '/');
					models.add(new Model(name, Files.readAllBytes(path), folder.toString()));
				}
				return models;
			}
			catch (IOException e) {
				throw new IllegalStateException("Cannot read the models in " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
			}
		}
		return packagedModels();
	}

	private static List<Model> packagedModels() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*");
			List<Model> models = new ArrayList<>();
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				int at = url.lastIndexOf("/bpmn/");
				String name = url.substring(at + "/bpmn/".length());
				if (resource.isReadable() && isModel(name) && !isHidden(Path.of(name))) {
					try (InputStream in = resource.getInputStream()) {
						models.add(new Model(name, in.readAllBytes(), "classpath:bpmn"));
					}
				}
			}
			models.sort(Comparator.comparing(Model::name));
			return models;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the models packaged in the jar: " + e.getMessage(), e);
		}
	}

	private static boolean isModel(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return MODEL_SUFFIXES.stream().anyMatch(lower::endsWith);
	}

	/** Modeler keeps element templates in {@code .camunda/}: those are not models to deploy. */
	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	record Model(String name, byte[] bytes, String origin) {

	}

}
