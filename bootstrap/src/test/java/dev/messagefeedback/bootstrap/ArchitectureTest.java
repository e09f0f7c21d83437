package dev.messagefeedback.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;

/**
 * The hexagon, as rules that fail when broken. Imported by package from the full test classpath, where
 * the sibling modules arrive as jars or class directories (so no DoNotIncludeJars); test classes are left
 * out. The test-fixtures module's main classes (the output ports' contract suites and in-memory stores)
 * are imported, so the rules below govern them too.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "dev.messagefeedback";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String ADAPTERS = ROOT + ".adapter..";
    static final String BOOTSTRAP = ROOT + ".bootstrap..";
    static final String TEST_FIXTURES = ROOT + ".testfixtures..";

    /** Test code shared by the modules' tests: it sees the ports and the domain, and no main code sees it. */
    @ArchTest
    static final ArchRule testFixturesSeeTheDomainAndTheApplicationOnly = classes()
            .that().resideInAPackage(TEST_FIXTURES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", DOMAIN, APPLICATION, TEST_FIXTURES, "org.junit..", "org.opentest4j..", "org.apiguardian..")
            .because("the contract suites and in-memory stores stand for the ports, not for any adapter");

    @ArchTest
    static final ArchRule noMainCodeDependsOnTheTestFixtures = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(TEST_FIXTURES)
            .because("test fixtures are on the tests' class path only: the service would not start without them");

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
                    "jakarta.inject..", "jakarta.enterprise.context..", "jakarta.transaction..", "jakarta.annotation..")
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
    static final ArchRule useCasesAreOneMethodNamedAfterTheUseCase = classes()
            .that().resideInAPackage(ROOT + ".application.port.in..").and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .andShould(new ArchCondition<JavaClass>("declare one method <verbNoun> taking a <VerbNoun>Command or Query, or nothing") {
                @Override
                public void check(JavaClass useCase, ConditionEvents events) {
                    String name = useCase.getSimpleName().substring(0, useCase.getSimpleName().length() - "UseCase".length());
                    String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                    var methods = useCase.getMethods();
                    boolean ok = methods.size() == 1 && methods.iterator().next().getName().equals(method);
                    if (ok) {
                        var parameters = methods.iterator().next().getRawParameterTypes();
                        ok = parameters.isEmpty() || (parameters.size() == 1
                                && (parameters.get(0).getSimpleName().equals(name + "Command")
                                        || parameters.get(0).getSimpleName().equals(name + "Query")));
                    }
                    if (!ok) {
                        events.add(SimpleConditionEvent.violated(useCase, useCase.getName() + " should declare exactly "
                                + method + "(" + name + "Command | " + name + "Query | nothing), but declares " + methods));
                    }
                }
            });

    @ArchTest
    static final ArchRule portsDoNotKnowTheServices = noClasses()
            .that().resideInAPackage(ROOT + ".application.port..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.service..")
            .because("a port is a contract; the services implement (in) or use (out) it, never the other way");

    @ArchTest
    static final ArchRule onlyThePersistenceAdapterTouchesJdbc = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
            .and().resideOutsideOfPackage(ROOT + ".adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
            .because("the ports speak of unavailable stores, not of SQLStates and connection pools");

    @ArchTest
    static final ArchRule adapterClassesArePublicOnlyForAFrameworkOrTheWiring = classes()
            .that().resideInAPackage(ADAPTERS).and().arePublic()
            .should(new ArchCondition<JavaClass>("be needed public by a framework (JAX-RS, CDI, Hibernate, Jackson, OpenAPI)"
                    + " or by the wiring in bootstrap") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean framework = type.isAnnotatedWith(jakarta.ws.rs.Path.class) || type.isAnnotatedWith(Entity.class)
                            || type.isAnnotatedWith(jakarta.interceptor.InterceptorBinding.class)
                            || type.isAnnotatedWith(io.quarkus.runtime.annotations.RegisterForReflection.class)
                            || type.isAnnotatedWith(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
                    boolean wiring = type.getDirectDependenciesToSelf().stream()
                            .anyMatch(dependency -> dependency.getOriginClass().getPackageName().startsWith(ROOT + ".bootstrap"));
                    if (!framework && !wiring) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                                + " is public, but neither a framework nor bootstrap needs it: make it package-private"));
                    }
                }
            })
            .because("an adapter is used through the ports it implements");

    @ArchTest
    static final ArchRule everyApiResourceIsRateLimited = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(ROOT + ".adapter.rest.RateLimited")
            .because("the per-account rate limit applies to every operation by construction, not by a call each one must remember");
}
