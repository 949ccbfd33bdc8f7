package io.faaskar.api.provider;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.Secret;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where functions run. Providers register this interface as an OSGi service; the kernel finds them
 * on the whiteboard, so a provider installed at runtime joins at once and leaves cleanly.
 *
 * <p>The provider owns the truth about what runs: {@link #list} and {@link #get} read it back from the
 * provider's orchestrator (processes, Swarm services, Deployments), so a restarted kernel loses
 * nothing. Deployments reaching a provider have been validated by the kernel (DNS-1123 name,
 * a namespace from {@link ProviderCapabilities#namespaces()}) and normalised (no null collections).
 * A failed deploy must leave nothing behind.
 *
 * <p>Errors: {@link FunctionNotFoundException} (404), {@link InvalidRequestException} (400),
 * {@link ConflictException} (409), {@link UnsupportedFeatureException} (501),
 * {@link FunctionProviderException} (5xx, naming what failed).
 */
@ConsumerType
public interface FunctionProvider {

    /** The provider's unique name, used in the {@code com.faaskar.provider} annotation: {@code local}, {@code swarm}... */
    String name();

    ProviderCapabilities capabilities();

    ProviderInfo info();

    /** Creates a function; {@link ConflictException} if it exists. Starts {@code com.openfaas.scale.min} replicas (default 1). */
    void deploy(FunctionDeployment deployment);

    /** Replaces a function's definition, rolling its replicas without dropping requests; 404 if absent. */
    void update(FunctionDeployment deployment);

    /** Removes a function and everything the provider created for it; 404 if absent. */
    void remove(String name, String namespace);

    /** Every function in the namespace, with live replica counts. */
    List<FunctionStatus> list(String namespace);

    Optional<FunctionStatus> get(String name, String namespace);

    /** Sets the desired replicas (0 allowed where {@link ProviderCapabilities#scaleToZero()}); 404 if absent. */
    void scale(String name, String namespace, int replicas);

    /**
     * The ready replicas that can take invocations now. Called on every invocation, so it must be
     * cheap: providers keep the set fresh from their orchestrator's events, not by a call per request.
     */
    List<FunctionEndpoint> endpoints(String name, String namespace);

    /** Writes log lines to the sink; returns when done, or, when following, once the sink closes. */
    default void logs(LogRequest request, LogSink sink) {
        throw new UnsupportedFeatureException("provider " + name() + " does not offer logs");
    }

    default List<Secret> listSecrets(String namespace) {
        throw new UnsupportedFeatureException("provider " + name() + " does not offer secrets");
    }

    default void createSecret(Secret secret) {
        throw new UnsupportedFeatureException("provider " + name() + " does not offer secrets");
    }

    default void updateSecret(Secret secret) {
        throw new UnsupportedFeatureException("provider " + name() + " does not offer secrets");
    }

    default void deleteSecret(String name, String namespace) {
        throw new UnsupportedFeatureException("provider " + name() + " does not offer secrets");
    }
}
