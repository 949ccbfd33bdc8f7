package io.faaskar.shell.support;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;

/**
 * Deploys like faas-cli: with {@code update}, first an update, and a fresh deploy only when the function
 * does not exist yet; without it, a deploy that fails if the function exists.
 */
public final class FunctionDeployer {

    /** What happened: {@code created} is false when an existing function was updated. */
    public record Result(String name, String provider, boolean created) {
    }

    private final FunctionService functions;

    public FunctionDeployer(FunctionService functions) {
        this.functions = functions;
    }

    public Result deploy(FunctionDeployment deployment, boolean update) {
        if (!update) {
            try {
                return new Result(deployment.service(), functions.deploy(deployment), true);
            } catch (ConflictException e) {
                throw new UserError(conflictMessage(deployment, e), e);
            }
        }
        FunctionNotFoundException notFound;
        try {
            return new Result(deployment.service(), functions.update(deployment), false);
        } catch (FunctionNotFoundException e) {
            notFound = e;
        }
        try {
            return new Result(deployment.service(), functions.deploy(deployment), true);
        } catch (ConflictException e) {
            // The function exists after all: the 404 of the update was about something else (a secret...).
            throw notFound;
        }
    }

    private static String conflictMessage(FunctionDeployment d, ConflictException e) {
        String detail = e.getMessage() == null ? "it already exists" : e.getMessage();
        return "Cannot deploy " + d.service() + ": " + detail + " (leave out --update=false to update it)";
    }
}
