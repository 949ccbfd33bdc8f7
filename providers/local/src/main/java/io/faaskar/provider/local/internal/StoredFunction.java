package io.faaskar.provider.local.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import java.time.Instant;

/**
 * What the provider keeps of a function on disk: its definition, the desired replica count (so a
 * scale survives a restart) and when it was first deployed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredFunction(FunctionDeployment deployment, int replicas, Instant createdAt) {

    FunctionRef ref() {
        return new FunctionRef(deployment.service(), deployment.namespace());
    }

    StoredFunction withDeployment(FunctionDeployment newDeployment) {
        return new StoredFunction(newDeployment, replicas, createdAt);
    }

    StoredFunction withReplicas(int newReplicas) {
        return new StoredFunction(deployment, newReplicas, createdAt);
    }
}
