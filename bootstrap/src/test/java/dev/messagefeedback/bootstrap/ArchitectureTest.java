package dev.messagefeedback.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

/**
 * The hexagon, as rules that fail when broken. Imported by package from the full test classpath, where
 * the sibling modules arrive as jars (so no DoNotIncludeJars); test classes are left out, the
 * application's test-jar (the output ports' contract suites and fakes) included.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** A module's test-jar ({@code *-tests.jar}) holds test code, which the rules below do not govern. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    static final String ROOT = "dev.messagefeedback";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String ADAPTERS = ROOT + ".adapter..";
    static final String BOOTSTRAP = ROOT + ".bootstrap..";

    @ArchTest
    static final ArchRule theLayersPointInward = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap");

    @ArchTest
    static final ArchRule theDomainIsPlainJava = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is plain Java: no framework, no library");

    @ArchTest
    static final ArchRule theApplicationDependsOnTheDomainOnly = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.crypto..", DOMAIN, APPLICATION,
                    "jakarta.inject..", "jakarta.enterprise.context..", "jakarta.transaction..")
            .because("use cases see the domain and annotation APIs, never an adapter or a framework");

    @ArchTest
    static final ArchRule adaptersNeverDependOnEachOther = slices()
            .matching(ROOT + ".adapter.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule entitiesLiveInThePersistenceAdapter = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage(ROOT + ".adapter.persistence..");

    @ArchTest
    static final ArchRule onlyThePersistenceAdapterTouchesPersistenceApis = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..", "org.flywaydb..");

    @ArchTest
    static final ArchRule onlyTheRestAdapterTouchesHttp = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".adapter.rest..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule useCasesAreInterfacesNamedAfterTheirVerb = classes()
            .that().resideInAPackage(ROOT + ".application.port.in..").and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces();

    @ArchTest
    static final ArchRule storesAreOutputPortInterfaces = classes()
            .that().haveSimpleNameEndingWith("Store").and().resideInAPackage(ROOT + ".application..")
            .should().beInterfaces().andShould().resideInAPackage(ROOT + ".application.port.out..");

    @ArchTest
    static final ArchRule servicesImplementUseCases = classes()
            .that().resideInAPackage(ROOT + ".application.service..").and().haveSimpleNameEndingWith("Service")
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a use case",
                    (com.tngtech.archunit.core.domain.JavaClass type) -> type.getSimpleName().endsWith("UseCase")));
}
