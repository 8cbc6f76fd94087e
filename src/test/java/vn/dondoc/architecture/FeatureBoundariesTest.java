package vn.dondoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The picture of STYLE.md kept honest: features (one package each) depend on each other without cycles. */
class FeatureBoundariesTest {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.dondoc");

	@Test
	void featuresHaveNoDependencyCycles() {
		slices().matching("vn.dondoc.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theCalendarStandsOnItsOwn() {
		noClasses().that().resideInAPackage("vn.dondoc.calendar..")
			.should().dependOnClassesThat().resideInAnyPackage("vn.dondoc.directive..", "vn.dondoc.reminder..",
					"vn.dondoc.notification..", "vn.dondoc.workflow..", "vn.dondoc.unit..", "vn.dondoc.web..")
			.check(classes);
	}

	@Test
	void noFeatureReachesIntoTheWebLayer() {
		noClasses().that().resideOutsideOfPackage("vn.dondoc.web..")
			.should().dependOnClassesThat().resideInAPackage("vn.dondoc.web..")
			.check(classes);
	}

}
