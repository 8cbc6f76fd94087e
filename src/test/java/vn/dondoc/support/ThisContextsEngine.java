package vn.dondoc.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Camunda's JVM-wide engine registries at the engine of the running test's own Spring context, before
 * each test method of every Spring test (registered in {@code META-INF/spring.factories}; it does not change
 * the context's configuration, so contexts stay shared). The webapps and {@code /engine-rest} find their engine
 * by name ({@code default}) in static registries ({@link ProcessEngines}, the runtime container), where every
 * context of the test JVM registers its engine under that same name: the last context started wins. A test
 * run after another context had started then signed in to Tasklist against that other context's database
 * (no such user: Camunda's filter failed) or deployed into it. In production there is one engine per JVM.
 */
public class ThisContextsEngine implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
		if (engine == null) {
			return;
		}
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

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
