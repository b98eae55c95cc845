package org.stockticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows the library as {@code examples/library} uses it: its Java block is the example's source, whole,
 * imports included, and its Maven block is the example's dependency, version included. CI builds and runs that
 * project against the installed artifacts ({@code scripts/library-example}), so what the README shows compiles and
 * runs.
 */
class ReadmeExampleTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    /** The README's section on the library, up to the next section. */
    private static String librarySection() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("## Using it as a library");
        assertThat(start).as("the README's library section").isNotNegative();
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    private static String block(String text, String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(block.find()).as("a %s block", language).isTrue();
        return block.group(1);
    }

    @Test
    void the_readmes_java_is_the_example_whole() throws IOException {
        String java = block(librarySection(), "java");

        assertThat(java).isEqualTo(read("examples/library/src/main/java/example/Example.java"));
        assertThat(java).contains("import org.stockticker.history.StockHistory;",
                "import org.stockticker.history.ProviderSettings;");
    }

    @Test
    void the_readmes_maven_dependency_with_its_version_is_the_examples_and_the_library_pages() throws IOException {
        String dependency = block(librarySection(), "xml");

        assertThat(dependency).contains("<artifactId>stock-history</artifactId>", "<version>0.1.0</version>");
        assertThat(read("examples/library/pom.xml")).contains(indented(dependency, "    "));
        assertThat(read("docs/library.md")).contains(dependency);
    }

    @Test
    void the_version_shown_is_the_builds_and_the_boms() throws IOException {
        Matcher build = Pattern.compile("<artifactId>source-stock-ticker-parent</artifactId>\\s*<version>([^<]+)<")
                .matcher(read("pom.xml"));
        assertThat(build.find()).isTrue();
        String version = "<version>" + build.group(1) + "</version>";

        assertThat(block(librarySection(), "xml")).contains(version);
        assertThat(read("bom/pom.xml")).contains("<artifactId>stock-ticker-bom</artifactId>\n  " + version);
    }

    private static String indented(String text, String indent) {
        return text.lines().map(line -> indent + line).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }
}
