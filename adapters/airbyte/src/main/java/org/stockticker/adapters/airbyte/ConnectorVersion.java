package org.stockticker.adapters.airbyte;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The connector's version, the Maven project version the build writes into a resource. */
public final class ConnectorVersion {

    private static final String RESOURCE = "/airbyte/version.properties";

    /** The version, such as {@code 0.1.0}. */
    public static final String VERSION = load();

    private ConnectorVersion() {
    }

    private static String load() {
        try (InputStream in = ConnectorVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("resource " + RESOURCE + " holds no version: " + version);
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }
}
