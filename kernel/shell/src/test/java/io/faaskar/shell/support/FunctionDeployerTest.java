package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionDeployerTest {

    private final FakeFunctionService service = new FakeFunctionService();
    private final FunctionDeployer deployer = new FunctionDeployer(service);

    private static FunctionDeployment fn(String name, String image) {
        return new FunctionDeployment(name, image, null, null, Map.of(), List.of(), List.of(), Map.of(), Map.of(),
                null, null, null);
    }

    @Test
    void updateFallsBackToDeployWhenTheFunctionDoesNotExist() {
        FunctionDeployer.Result result = deployer.deploy(fn("hello", "a"), true);
        assertEquals(List.of("update hello", "deploy hello"), service.calls);
        assertEquals(new FunctionDeployer.Result("hello", "local", true), result);
    }

    @Test
    void updateReplacesAnExistingFunctionWithoutDeploying() {
        deployer.deploy(fn("hello", "a"), true);
        service.calls.clear();
        FunctionDeployer.Result result = deployer.deploy(fn("hello", "b"), true);
        assertEquals(List.of("update hello"), service.calls);
        assertFalse(result.created());
        assertEquals("b", service.functions.values().iterator().next().image());
    }

    @Test
    void withoutUpdateOnlyDeploysAndAnExistingFunctionIsAUserError() {
        deployer.deploy(fn("hello", "a"), false);
        assertEquals(List.of("deploy hello"), service.calls);
        UserError e = assertThrows(UserError.class, () -> deployer.deploy(fn("hello", "b"), false));
        assertTrue(e.getMessage().startsWith("Cannot deploy hello: "), e.getMessage());
        assertTrue(e.getMessage().contains("--update"), e.getMessage());
    }

    @Test
    void aNotFoundAboutSomethingElseIsNotHiddenByTheFallback() {
        deployer.deploy(fn("hello", "a"), true);
        FunctionNotFoundException missingSecret = new FunctionNotFoundException("secret db-password not found");
        service.updateFailure = missingSecret;
        RuntimeException e = assertThrows(RuntimeException.class, () -> deployer.deploy(fn("hello", "b"), true));
        assertSame(missingSecret, e);
    }

    @Test
    void otherErrorsOfTheUpdatePropagate() {
        service.updateFailure = new InvalidRequestException("bad name");
        assertThrows(InvalidRequestException.class, () -> deployer.deploy(fn("Hello", "a"), true));
        assertEquals(List.of("update Hello"), service.calls);
    }

    @Test
    void providerAnnotationRoutesTheDeployment() {
        FunctionDeployment d = fn("hello", "a").withAnnotations(Map.of(FunctionDeployment.PROVIDER_ANNOTATION, "swarm"));
        assertEquals("swarm", deployer.deploy(d, true).provider());
    }
}
