package org.stockticker.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks the production classes of every module against the layering in {@link ArchitectureRules}.
 *
 * <p>Test classes are left out, so the deliberate violations used by {@link ArchitectureRulesProveTheyFailTest}
 * do not break the build.
 */
@AnalyzeClasses(packages = "org.stockticker", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK;

    @ArchTest
    static final ArchRule application_depends_only_on_the_jdk_and_the_domain =
            ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN;

    @ArchTest
    static final ArchRule ports_speak_only_domain_types = ArchitectureRules.PORTS_SPEAK_ONLY_DOMAIN_TYPES;

    @ArchTest
    static final ArchRule incoming_ports_do_not_depend_on_outgoing_ports =
            ArchitectureRules.INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS;

    @ArchTest
    static final ArchRule adapters_reach_the_application_only_through_its_ports =
            ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS;

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;

    @ArchTest
    static final ArchRule only_bootstrap_uses_dependency_injection =
            ArchitectureRules.ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION;

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP;

    @ArchTest
    static final ArchRule nothing_depends_on_the_library_api = ArchitectureRules.NOTHING_DEPENDS_ON_THE_LIBRARY_API;

    @ArchTest
    static final ArchRule the_library_knows_no_airbyte = ArchitectureRules.THE_LIBRARY_KNOWS_NO_AIRBYTE;

    @ArchTest
    static final ArchRule only_main_touches_the_process_streams_and_exit =
            ArchitectureRules.ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT;
}
