package vn.dondoc.web;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Points Camunda's JVM-wide engine registries at the engine of the test's own Spring context. The webapps and
 * {@code /engine-rest} find their engine by name ({@code default}) in static registries ({@link ProcessEngines},
 * the runtime container), where every context of the test JVM registers its engine under that same name: the
 * last context started wins. A dashboard test run after another context had started then signed in to
 * Tasklist against that other context's database (no such user: Camunda's filter failed) or deployed into it.
 * In production there is one engine per JVM and nothing to do.
 */
public class ThisContextsEngine implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
		if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
			ProcessEngines.registerProcessEngine(engine);
		}
		RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
		ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
		if (registered != engine) {
			if (registered != null) {
				container.unregisterProcessEngine(registered);   // only forgets it: the other context keeps its engine running
			}
			container.registerProcessEngine(engine);
		}
	}

}
