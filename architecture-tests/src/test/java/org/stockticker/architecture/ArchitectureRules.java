package org.stockticker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import org.stockticker.bootstrap.Main;

/**
 * The layering of the project as ArchUnit rules, shared by the test that checks the real code and the test that
 * proves each rule can fail.
 *
 * <p>Every rule refuses to pass when it finds nothing to check, so a renamed package cannot silently turn a rule
 * into a no-op.
 */
public final class ArchitectureRules {

    private static final String BASE = "org.stockticker..";
    private static final String DOMAIN = "org.stockticker.domain..";
    private static final String APPLICATION = "org.stockticker.application..";
    private static final String PORTS = "org.stockticker.application.port..";
    private static final String INCOMING_PORTS = "org.stockticker.application.port.in..";
    private static final String OUTGOING_PORTS = "org.stockticker.application.port.out..";
    private static final String ADAPTERS = "org.stockticker.adapters..";
    private static final String ADAPTER_SLICES = "org.stockticker.adapters.(*)..";
    /** What network adapters share: HTTP, JSON reading, and the provider toolkit (settings, skip rules, errors). */
    private static final String[] TOOLKIT = {
            "org.stockticker.adapters.http..", "org.stockticker.adapters.json..", "org.stockticker.adapters.provider.."};
    private static final String BOOTSTRAP = "org.stockticker.bootstrap..";
    /** The library's public API: the composition root of a JVM service, beside the connector's bootstrap. */
    private static final String LIBRARY = "org.stockticker.history..";
    /** What the library is built of: its API, its Dagger graph and the providers' wiring it shares with the connector. */
    private static final String[] LIBRARY_BUILD = {LIBRARY, "org.stockticker.bootstrap.library..",
            "org.stockticker.bootstrap.providers.."};
    private static final String JDK = "java..";

    public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, DOMAIN)
            .because("the domain is the model of stock prices itself and must not change when a library or a "
                    + "provider does")
            .allowEmptyShould(false);

    public static final ArchRule APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, DOMAIN, APPLICATION)
            .because("use cases reach the outside world only through their ports, which adapters implement; HTTP "
                    + "clients, JSON mapping and retries are adapter concerns")
            .allowEmptyShould(false);

    public static final ArchRule PORTS_SPEAK_ONLY_DOMAIN_TYPES = classes()
            .that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, DOMAIN, PORTS)
            .because("a port is the contract between the application and its adapters; naming a service, the read "
                    + "engine or the library facade in it would tie every adapter to how the application works inside")
            .allowEmptyShould(false);

    public static final ArchRule INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS = noClasses()
            .that().resideInAPackage(INCOMING_PORTS)
            .should().dependOnClassesThat().resideInAPackage(OUTGOING_PORTS)
            .because("whoever drives a use case (the Airbyte edge, the library facade) must not need to know which "
                    + "provider the application is driving")
            .allowEmptyShould(false);

    public static final ArchRule ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat(resideInAPackage(APPLICATION).and(resideOutsideOfPackage(PORTS))
                    .as("reside in the application outside its ports"))
            .because("adapters call use cases and implement outgoing ports; services and the read engine may change "
                    + "shape without any adapter noticing")
            .allowEmptyShould(false);

    // The toolkit is ignored only as a target: a dependency from it to a provider adapter is still reported.
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching(ADAPTER_SLICES)
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(TOOLKIT))
            .because("each adapter must be replaceable on its own; what network adapters share lives in "
                    + "adapters.http, adapters.json and adapters.provider, which serve them all and know none of them")
            .allowEmptyShould(false);

    public static final ArchRule ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION = noClasses()
            .that().resideInAPackage(BASE).and().resideOutsideOfPackages(BOOTSTRAP, LIBRARY)
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("services and adapters are built by plain constructors in the Dagger modules of bootstrap and"
                    + " of the library, the two composition roots; an @Inject elsewhere makes Dagger generate factories"
                    + " that pull dagger.internal into that module")
            .allowEmptyShould(false);

    public static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideInAPackage(BASE).and().resideOutsideOfPackages(BOOTSTRAP, LIBRARY)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the outermost ring that wires everything; depending on it would make the "
                    + "wiring part of the code it wires (the library, the other outermost ring, builds on its providers'"
                    + " wiring)")
            .allowEmptyShould(false);

    // Main is left out as in the process rule: with it alone, the rule finds nothing to check.
    public static final ArchRule NOTHING_DEPENDS_ON_THE_LIBRARY_API = noClasses()
            .that().resideInAPackage(BASE).and().resideOutsideOfPackage(LIBRARY)
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage(LIBRARY)
            .because("the library's API is for JVM services; the connector and the layers drive the use cases, so"
                    + " that the API can change for its users alone")
            .allowEmptyShould(false);

    public static final ArchRule THE_LIBRARY_KNOWS_NO_AIRBYTE = noClasses()
            .that().resideInAnyPackage(LIBRARY_BUILD)
            .should().dependOnClassesThat().resideInAnyPackage("org.stockticker.adapters.airbyte..", "com.networknt..",
                    "tools.jackson..", "com.fasterxml.jackson.dataformat.yaml..")
            .because("a JVM service that uses the library must not carry the Airbyte protocol, its schema validator"
                    + " or their Jackson and YAML parsers; its artifact depends on the providers alone")
            .allowEmptyShould(false);

    // Fields and calls in bytecode only: a Javadoc {@code System.out} is no access and does not count.
    public static final ArchRule ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT = noClasses()
            .that().resideInAPackage(BASE).and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().accessField(System.class, "in")
            .orShould().callMethod(System.class, "exit", int.class)
            .because("stdout carries the Airbyte protocol only and the library runs inside someone else's process; "
                    + "streams are handed in by Main, which alone decides when the process ends")
            .allowEmptyShould(false);

    private ArchitectureRules() {
    }
}
