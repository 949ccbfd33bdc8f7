package io.faaskar.shell.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.faaskar.api.model.FunctionDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a faas-cli stack file and the {@code environment_file}s it names, and maps it to deployments.
 * Errors are {@link UserError}s that point at the file, line and column.
 */
public final class StackFileReader {

    // Created explicitly (no ServiceLoader); duplicate keys (two functions of one name) are errors.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final UnaryOperator<String> environment;

    /** @param environment looks up {@code ${VAR}} values; null disables substitution */
    public StackFileReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The deployments of a stack file, in file order; {@code environment_file} paths are relative to its folder. */
    public List<FunctionDeployment> read(Path stackFile) {
        String text;
        try {
            text = readText(stackFile);
        } catch (NoSuchFileException e) {
            throw new UserError("File not found: " + stackFile, e);
        } catch (IOException e) {
            throw new UserError("Cannot read " + stackFile + ": " + e, e);
        }
        StackFile stack = parse(text, stackFile.getFileName().toString());
        Path folder = stackFile.toAbsolutePath().getParent();
        return StackDeployments.of(stack, stackFile.getFileName().toString(),
                name -> readEnvironmentFile(folder.resolve(name)));
    }

    /** Parses a stack file's text; {@code source} names it in error messages. */
    public StackFile parse(String text, String source) {
        if (text.isBlank()) {
            throw new UserError(source + " is empty: it needs a functions: section");
        }
        StackFile stack = readValue(text, source, StackFile.class);
        if (stack == null || stack.functions() == null || stack.functions().isEmpty()) {
            throw new UserError(source + " has no functions: add a functions: section with at least one function");
        }
        return stack;
    }

    /** Reads an {@code environment_file}: a YAML file of the form {@code environment: {KEY: value}}. */
    public Map<String, String> readEnvironmentFile(Path file) {
        String source = file.getFileName().toString();
        String text;
        try {
            text = readText(file);
        } catch (NoSuchFileException e) {
            throw new UserError("environment_file not found: " + file, e);
        } catch (IOException e) {
            throw new UserError("Cannot read environment_file " + file + ": " + e, e);
        }
        if (text.isBlank()) {
            return Map.of();
        }
        StackFile.EnvironmentFile envFile = readValue(text, source, StackFile.EnvironmentFile.class);
        return envFile == null || envFile.environment() == null ? Map.of() : envFile.environment();
    }

    private String readText(Path file) throws IOException {
        String text = Files.readString(file);
        return environment == null ? text : EnvSubst.apply(text, environment);
    }

    private static <T> T readValue(String text, String source, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UserError(describe(e, source), e);
        }
    }

    /** One line: where (file, line, column, key path) and what is wrong. */
    static String describe(JsonProcessingException e, String source) {
        StringBuilder where = new StringBuilder("Invalid ").append(source);
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where.append(" at line ").append(location.getLineNr());
            if (location.getColumnNr() > 0) {
                where.append(", column ").append(location.getColumnNr());
            }
        }
        MarkedYAMLException syntax = syntaxError(e);
        if (syntax == null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(" (").append(path(mapping.getPath())).append(')');
        }
        return where.append(": ").append(syntax != null ? problem(syntax) : problem(e)).toString();
    }

    /** snakeyaml's own exception, when the text is not valid YAML. */
    private static MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    /** The problem, and what the parser was doing: {@code expected <block end>... (while parsing a block mapping)}. */
    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem().strip();
        return e.getContext() == null ? problem : problem + " (" + e.getContext().strip() + ")";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (Map.class.isAssignableFrom(target)) {
                return "expected a mapping of KEY: value";
            }
            if (Collection.class.isAssignableFrom(target)) {
                return "expected a list";
            }
            if (target == String.class) {
                return "expected a single value, not a list or mapping";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "expected true or false";
            }
            if (target.isRecord()) {
                return "expected a mapping";
            }
        }
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // snakeyaml appends the offending line and a caret on further lines: the location says it already
        return message.lines().findFirst().orElse(message).trim();
    }
}
