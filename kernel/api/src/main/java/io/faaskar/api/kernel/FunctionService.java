package io.faaskar.api.kernel;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.GatewayInfo;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.Secret;
import io.faaskar.api.provider.LogSink;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's function registry over every registered provider: what the gateway's system API,
 * the shell and the UI use. Deployments are validated here (DNS-1123 names, known provider,
 * namespace the provider serves) and routed: the {@code com.faaskar.provider} annotation picks a
 * provider, otherwise the configured default. Errors are those of
 * {@link io.faaskar.api.provider.FunctionProvider}.
 */
@ProviderType
public interface FunctionService {

    /** Deploys a new function; returns the name of the provider that now runs it. */
    String deploy(FunctionDeployment deployment);

    /** Updates an existing function on the provider that runs it; 404 when it exists nowhere. */
    String update(FunctionDeployment deployment);

    void remove(FunctionRef function);

    /** Functions in the namespace across all providers, each annotated with its provider's name. */
    List<FunctionStatus> list(String namespace);

    Optional<FunctionStatus> get(FunctionRef function);

    void scale(FunctionRef function, long replicas);

    void logs(LogRequest request, LogSink sink);

    /** Namespaces served by at least one provider. */
    List<String> namespaces();

    GatewayInfo info();

    List<ProviderDescription> providers();

    /** Secrets live on a provider: {@code provider} null means the default provider. */
    List<Secret> listSecrets(String provider, String namespace);

    void createSecret(String provider, Secret secret);

    void updateSecret(String provider, Secret secret);

    void deleteSecret(String provider, String name, String namespace);
}
