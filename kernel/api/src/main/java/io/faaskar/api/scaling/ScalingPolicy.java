package io.faaskar.api.scaling;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scaling policy, chosen per function by the label {@code com.openfaas.scale.type} equal to
 * {@link #name()}. It proposes a replica count; the kernel's scaler loop clamps it to
 * {@code com.openfaas.scale.min}/{@code max}, applies zero rules and stabilisation, and calls the provider.
 */
@ConsumerType
public interface ScalingPolicy {

    /** The value of {@code com.openfaas.scale.type} that selects this policy: {@code rps}, {@code capacity}... */
    String name();

    /** Desired replicas before clamping; a policy with no opinion returns the current count. */
    long desiredReplicas(ScalingContext context);
}
