package io.faaskar.shell.support;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Maps a stack file's functions to deployments, as faas-cli deploy does. */
public final class StackDeployments {

    private StackDeployments() {
    }

    /**
     * One deployment per function, in file order: {@code service} is the key, {@code envProcess} the
     * {@code fprocess}, {@code envVars} the {@code environment} overridden by each {@code environment_file}
     * in turn, {@code limits}/{@code requests} only when memory or cpu is set.
     *
     * @param environmentFiles reads an {@code environment_file} entry into its variables
     */
    public static List<FunctionDeployment> of(StackFile stack, String source,
            Function<String, Map<String, String>> environmentFiles) {
        List<FunctionDeployment> deployments = new ArrayList<>();
        for (Map.Entry<String, StackFile.Function> entry : stack.functions().entrySet()) {
            String name = entry.getKey();
            StackFile.Function f = entry.getValue();
            if (f == null) {
                throw new UserError("Function " + name + " in " + source + " has no settings: give at least an image or fprocess");
            }
            Map<String, String> env = new LinkedHashMap<>(withoutNulls(f.environment()));
            if (f.environmentFile() != null) {
                for (String file : f.environmentFile()) {
                    if (file != null && !file.isBlank()) {
                        env.putAll(withoutNulls(environmentFiles.apply(file)));
                    }
                }
            }
            deployments.add(new FunctionDeployment(name, f.image(), blankToNull(f.namespace()), blankToNull(f.fprocess()),
                    env, withoutNulls(f.constraints()), withoutNulls(f.secrets()),
                    withoutNulls(f.labels()), withoutNulls(f.annotations()),
                    resources(f.limits()), resources(f.requests()), f.readonlyRootFilesystem()));
        }
        return deployments;
    }

    private static FunctionResources resources(StackFile.Resources r) {
        if (r == null) {
            return null;
        }
        FunctionResources resources = FunctionResources.of(blankToNull(r.memory()), blankToNull(r.cpu()));
        return resources.isEmpty() ? null : resources;
    }

    /** YAML allows {@code KEY:} with no value; the model's immutable copies do not allow nulls. */
    static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> result = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null) {
                    result.put(k, v == null ? "" : v);
                }
            });
        }
        return result;
    }

    static List<String> withoutNulls(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
