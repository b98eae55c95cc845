package org.stockticker.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.airbyte.fixture.AirbyteThatReadsSystemIn;
import org.stockticker.adapters.airbyte.fixture.AirbyteThatWritesToAGivenStream;
import org.stockticker.adapters.airbyte.fixture.AirbyteThatWritesToSystemErr;
import org.stockticker.adapters.airbyte.fixture.AirbyteThatWritesToSystemOut;
import org.stockticker.adapters.airbyte.input.fixture.AirbyteInput;
import org.stockticker.adapters.airbyte.output.fixture.AirbyteOutputThatUsesInput;
import org.stockticker.adapters.csv.fixture.CsvInjected;
import org.stockticker.adapters.csv.fixture.CsvPriceAdapter;
import org.stockticker.adapters.csv.fixture.CsvPriceReader;
import org.stockticker.adapters.csv.fixture.CsvThatUsesBootstrap;
import org.stockticker.adapters.csv.fixture.CsvThatUsesTheReadEngine;
import org.stockticker.adapters.http.fixture.HttpThatUsesCsv;
import org.stockticker.adapters.http.fixture.HttpToolkit;
import org.stockticker.adapters.iex.fixture.IexThatUsesCsv;
import org.stockticker.adapters.iex.fixture.IexThatUsesDaggerLazy;
import org.stockticker.adapters.iex.fixture.IexThatUsesEveryToolkit;
import org.stockticker.adapters.iex.fixture.IexThatUsesHttp;
import org.stockticker.adapters.json.fixture.JsonToolkit;
import org.stockticker.adapters.provider.fixture.ProviderThatUsesCsv;
import org.stockticker.adapters.provider.fixture.ProviderToolkit;
import org.stockticker.application.fixture.ApplicationInjectedWithJakarta;
import org.stockticker.application.fixture.ApplicationThatUsesAnAdapter;
import org.stockticker.application.fixture.ApplicationThatUsesFeign;
import org.stockticker.application.fixture.ApplicationThatUsesResilience4j;
import org.stockticker.application.fixture.ApplicationThatUsesTheDomain;
import org.stockticker.application.port.in.fixture.UseCaseThatExposesTheReadEngine;
import org.stockticker.application.port.in.fixture.UseCaseThatNamesAnOutgoingPort;
import org.stockticker.application.port.in.fixture.UseCaseThatSpeaksTheDomain;
import org.stockticker.application.port.out.fixture.PricePort;
import org.stockticker.bootstrap.Main;
import org.stockticker.bootstrap.fixture.BootstrapThatExits;
import org.stockticker.bootstrap.fixture.BootstrapWiring;
import org.stockticker.bootstrap.fixture.ConnectorThatUsesTheLibrary;
import org.stockticker.domain.fixture.DomainThatUsesJackson;
import org.stockticker.domain.fixture.PureDomainValue;
import org.stockticker.history.fixture.LibraryFacade;
import org.stockticker.history.fixture.LibraryThatWritesAirbyte;

/**
 * Proves that each rule in {@link ArchitectureRules} catches a deliberate violation and lets compliant code
 * through, so a passing {@link HexagonalArchitectureTest} means the code complies rather than that a rule checks
 * nothing.
 */
class ArchitectureRulesProveTheyFailTest {

    @Test
    void domain_rule_rejects_a_domain_class_that_uses_jackson() {
        assertViolatedBy(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, DomainThatUsesJackson.class);
    }

    @Test
    void domain_rule_accepts_a_domain_value_built_from_the_jdk() {
        assertSatisfiedBy(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, PureDomainValue.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {
            ApplicationThatUsesAnAdapter.class, ApplicationThatUsesFeign.class, ApplicationThatUsesResilience4j.class})
    void application_rule_rejects_an_adapter_feign_and_resilience4j_in_the_application(Class<?> offender) {
        assertViolatedBy(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN, offender);
    }

    @Test
    void application_rule_accepts_a_use_case_that_speaks_domain_types() {
        assertSatisfiedBy(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN,
                ApplicationThatUsesTheDomain.class, PureDomainValue.class);
    }

    @Test
    void ports_rule_rejects_a_use_case_that_hands_out_a_piece_of_the_read_engine() {
        assertViolatedBy(ArchitectureRules.PORTS_SPEAK_ONLY_DOMAIN_TYPES, UseCaseThatExposesTheReadEngine.class);
    }

    @Test
    void ports_rule_accepts_ports_that_speak_domain_types() {
        assertSatisfiedBy(ArchitectureRules.PORTS_SPEAK_ONLY_DOMAIN_TYPES,
                UseCaseThatSpeaksTheDomain.class, PricePort.class);
    }

    @Test
    void incoming_ports_rule_rejects_a_use_case_that_names_an_outgoing_port() {
        assertViolatedBy(ArchitectureRules.INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS,
                UseCaseThatNamesAnOutgoingPort.class);
    }

    @Test
    void incoming_ports_rule_accepts_a_use_case_that_speaks_domain_types() {
        assertSatisfiedBy(ArchitectureRules.INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS,
                UseCaseThatSpeaksTheDomain.class, PricePort.class);
    }

    @Test
    void adapters_through_ports_rule_rejects_an_adapter_that_uses_the_read_engine() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS,
                CsvThatUsesTheReadEngine.class);
    }

    @Test
    void adapters_through_ports_rule_accepts_an_adapter_that_implements_a_port() {
        assertSatisfiedBy(ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS,
                CsvPriceAdapter.class, PricePort.class);
    }

    // Slices are formed from imported classes only, so the depended-on adapter is imported too.
    @Test
    void adapter_rule_rejects_an_adapter_that_uses_another_adapter() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                IexThatUsesCsv.class, CsvPriceReader.class);
    }

    @Test
    void adapter_rule_rejects_an_http_toolkit_that_uses_an_adapter() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                HttpThatUsesCsv.class, CsvPriceReader.class);
    }

    @Test
    void adapter_rule_rejects_a_provider_toolkit_that_uses_an_adapter() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                ProviderThatUsesCsv.class, CsvPriceReader.class);
    }

    @Test
    void adapter_rule_accepts_adapters_that_share_the_http_toolkit() {
        assertSatisfiedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                IexThatUsesHttp.class, HttpToolkit.class, CsvPriceReader.class);
    }

    @Test
    void adapter_rule_accepts_adapters_that_share_the_json_and_provider_toolkits_built_on_each_other() {
        assertSatisfiedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                IexThatUsesEveryToolkit.class, HttpToolkit.class, JsonToolkit.class, ProviderToolkit.class,
                CsvPriceReader.class);
    }

    @Test
    void adapter_rule_accepts_the_sub_packages_of_airbyte_using_each_other_as_one_adapter() {
        assertSatisfiedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                AirbyteOutputThatUsesInput.class, AirbyteInput.class, CsvPriceReader.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {CsvInjected.class, ApplicationInjectedWithJakarta.class, IexThatUsesDaggerLazy.class})
    void injection_rule_rejects_javax_jakarta_and_dagger_types_outside_bootstrap(Class<?> offender) {
        assertViolatedBy(ArchitectureRules.ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION, offender);
    }

    @Test
    void injection_rule_accepts_injection_in_bootstrap_and_plain_constructors_elsewhere() {
        assertSatisfiedBy(ArchitectureRules.ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION,
                BootstrapWiring.class, CsvPriceReader.class);
    }

    @Test
    void bootstrap_rule_rejects_an_adapter_that_uses_bootstrap() {
        assertViolatedBy(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, CsvThatUsesBootstrap.class);
    }

    @Test
    void bootstrap_rule_accepts_bootstrap_depending_on_an_adapter() {
        assertSatisfiedBy(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, BootstrapWiring.class, CsvPriceReader.class);
    }

    @Test
    void bootstrap_rule_accepts_the_library_building_on_the_providers_wiring() {
        assertSatisfiedBy(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, LibraryFacade.class, BootstrapWiring.class,
                CsvPriceReader.class);
    }

    @Test
    void library_api_rule_rejects_the_connector_using_the_library_api() {
        assertViolatedBy(ArchitectureRules.NOTHING_DEPENDS_ON_THE_LIBRARY_API, ConnectorThatUsesTheLibrary.class,
                LibraryFacade.class);
    }

    @Test
    void library_api_rule_accepts_the_library_using_the_wiring_and_adapters() {
        assertSatisfiedBy(ArchitectureRules.NOTHING_DEPENDS_ON_THE_LIBRARY_API, LibraryFacade.class,
                BootstrapWiring.class, CsvPriceReader.class);
    }

    @Test
    void airbyte_rule_rejects_a_library_class_that_uses_the_airbyte_edge() {
        assertViolatedBy(ArchitectureRules.THE_LIBRARY_KNOWS_NO_AIRBYTE, LibraryThatWritesAirbyte.class,
                AirbyteInput.class);
    }

    @Test
    void airbyte_rule_accepts_a_library_built_on_the_providers() {
        assertSatisfiedBy(ArchitectureRules.THE_LIBRARY_KNOWS_NO_AIRBYTE, LibraryFacade.class, BootstrapWiring.class,
                CsvPriceReader.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {
            AirbyteThatWritesToSystemOut.class, AirbyteThatWritesToSystemErr.class, AirbyteThatReadsSystemIn.class,
            BootstrapThatExits.class})
    void process_rule_rejects_standard_streams_and_exit_outside_main(Class<?> offender) {
        assertViolatedBy(ArchitectureRules.ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT, offender);
    }

    @Test
    void process_rule_accepts_main_and_a_writer_handed_its_stream() {
        assertSatisfiedBy(ArchitectureRules.ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT,
                Main.class, AirbyteThatWritesToAGivenStream.class);
    }

    // A rule that only ever fails together with another one says nothing of its own.
    @ParameterizedTest
    @MethodSource("loneViolations")
    void every_rule_has_a_violation_that_no_other_rule_catches(ArchRule rule, List<Class<?>> classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);

        Stream<String> violated = allRules()
                .filter(each -> each.allowEmptyShould(true).evaluate(imported).hasViolation())
                .map(ArchRule::getDescription);

        assertThat(violated).containsExactly(rule.getDescription());
    }

    static Stream<Arguments> loneViolations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, List.of(DomainThatUsesJackson.class)),
                Arguments.of(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN,
                        List.of(ApplicationThatUsesAnAdapter.class)),
                Arguments.of(ArchitectureRules.PORTS_SPEAK_ONLY_DOMAIN_TYPES,
                        List.of(UseCaseThatExposesTheReadEngine.class)),
                Arguments.of(ArchitectureRules.INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS,
                        List.of(UseCaseThatNamesAnOutgoingPort.class)),
                Arguments.of(ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS,
                        List.of(CsvThatUsesTheReadEngine.class)),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                        List.of(IexThatUsesCsv.class, CsvPriceReader.class)),
                Arguments.of(ArchitectureRules.ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION, List.of(CsvInjected.class)),
                Arguments.of(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, List.of(CsvThatUsesBootstrap.class)),
                Arguments.of(ArchitectureRules.NOTHING_DEPENDS_ON_THE_LIBRARY_API,
                        List.of(ConnectorThatUsesTheLibrary.class)),
                Arguments.of(ArchitectureRules.THE_LIBRARY_KNOWS_NO_AIRBYTE, List.of(LibraryThatWritesAirbyte.class)),
                Arguments.of(ArchitectureRules.ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT,
                        List.of(AirbyteThatWritesToSystemOut.class)));
    }

    // A rule whose packages match nothing would pass forever; this is what keeps a renamed package from hiding.
    // Main is the one class that every rule leaves out of its checks.
    @ParameterizedTest
    @MethodSource("allRules")
    void every_rule_fails_when_it_finds_no_class_to_check(ArchRule rule) {
        JavaClasses onlyMain = new ClassFileImporter().importClasses(Main.class);

        assertThatThrownBy(() -> rule.evaluate(onlyMain))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    static Stream<ArchRule> allRules() {
        return Stream.of(
                ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK,
                ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN,
                ArchitectureRules.PORTS_SPEAK_ONLY_DOMAIN_TYPES,
                ArchitectureRules.INCOMING_PORTS_DO_NOT_DEPEND_ON_OUTGOING_PORTS,
                ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_ITS_PORTS,
                ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                ArchitectureRules.ONLY_BOOTSTRAP_USES_DEPENDENCY_INJECTION,
                ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP,
                ArchitectureRules.NOTHING_DEPENDS_ON_THE_LIBRARY_API,
                ArchitectureRules.THE_LIBRARY_KNOWS_NO_AIRBYTE,
                ArchitectureRules.ONLY_MAIN_TOUCHES_THE_PROCESS_STREAMS_AND_EXIT);
    }

    private static void assertViolatedBy(ArchRule rule, Class<?> offender, Class<?>... alsoImported) {
        EvaluationResult result = evaluate(rule, offender, alsoImported);

        assertThat(result.hasViolation()).as("violation of: %s", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains(offender.getName()));
    }

    private static void assertSatisfiedBy(ArchRule rule, Class<?> compliant, Class<?>... alsoImported) {
        EvaluationResult result = evaluate(rule, compliant, alsoImported);

        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?> first, Class<?>... rest) {
        Class<?>[] all = Stream.concat(Stream.of(first), Stream.of(rest)).toArray(Class<?>[]::new);
        return rule.evaluate(new ClassFileImporter().importClasses(all));
    }
}
