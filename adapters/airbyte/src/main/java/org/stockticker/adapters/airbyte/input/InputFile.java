package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.application.port.in.InvalidInputException;

/**
 * A JSON file handed to the connector on the command line ({@code --config}, {@code --catalog}, {@code --state}).
 * The size is checked before anything is parsed, so a runaway file costs nothing.
 */
record InputFile(String option, Path path) {

    /** Far above any real config, catalog or state (a state of 500 symbols is about 40 KiB). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    String text() {
        try {
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(what() + " does not exist or is not a file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(what() + " is " + size + " bytes; at most " + MAX_BYTES
                        + " are accepted");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new InvalidInputException(what() + " is empty");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(what() + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException(what() + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    JsonNode json() {
        String text = text();
        try {
            return AirbyteJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the text it could not read, which may be an unquoted key.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException(what() + " is not valid JSON" + where);
        }
    }

    String what() {
        return "The " + option + " file " + path;
    }
}
