package io.faaskar.api.scaling;

import io.faaskar.api.model.FunctionRef;
import java.util.Map;

/** What a policy sees of a function: its labels (scaling settings), replica counts and load. */
public record ScalingContext(
        FunctionRef function,
        Map<String, String> labels,
        long replicas,
        long availableReplicas,
        FunctionMetrics metrics) {
}
