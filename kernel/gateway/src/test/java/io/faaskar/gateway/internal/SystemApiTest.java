package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.Secret;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.UnsupportedFeatureException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemApiTest extends SharedGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsFunctionsOfTheNamespaceAsJson() throws Exception {
        gateway.functions.add("echo", "openfaas-fn");
        gateway.functions.add("other", "team");
        HttpResponse<String> response = gateway.get("/system/functions");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        JsonNode list = JSON.readTree(response.body());
        assertEquals(1, list.size());
        assertEquals("echo", list.get(0).get("name").asText());
        assertEquals("openfaas-fn", gateway.functions.lastNamespace);

        JsonNode team = JSON.readTree(gateway.get("/system/functions?namespace=team").body());
        assertEquals("other", team.get(0).get("name").asText());
    }

    @Test
    void emptyListIsAnEmptyArray() throws Exception {
        assertEquals("[]", gateway.get("/system/functions").body());
    }

    @Test
    void functionStatusWithRfc3339CreatedAtAndReplicaCounts() throws Exception {
        gateway.functions.add("echo", "openfaas-fn");
        HttpResponse<String> response = gateway.get("/system/function/echo?namespace=openfaas-fn");
        assertEquals(200, response.statusCode());
        JsonNode status = JSON.readTree(response.body());
        assertEquals("echo", status.get("name").asText());
        assertEquals("2024-01-02T03:04:05.123456789Z", status.get("createdAt").asText());
        assertEquals(1, status.get("replicas").asLong());
        assertEquals(1, status.get("availableReplicas").asLong());
        assertFalse(status.has("envVars"), "empty collections are omitted");
    }

    @Test
    void functionStatusAcceptsNameDotNamespace() throws Exception {
        gateway.functions.add("echo", "team");
        assertEquals(200, gateway.get("/system/function/echo.team").statusCode());
        assertEquals(new FunctionRef("echo", "team"), gateway.functions.lastRef);
    }

    @Test
    void unknownFunctionStatusIs404() throws Exception {
        HttpResponse<String> response = gateway.get("/system/function/nope");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().endsWith("\n"));
    }

    @Test
    void deployIs202AndAcceptsLegacyNulls() throws Exception {
        String body = "{\"service\":\"echo\",\"image\":\"img\",\"envProcess\":\"cat\",\"network\":\"func_functions\","
                + "\"constraints\":null,\"secrets\":null,\"labels\":null,\"limits\":null,\"registryAuth\":\"\"}";
        HttpResponse<String> response = gateway.send("POST", "/system/functions", body);
        assertEquals(202, response.statusCode());
        assertEquals("echo", gateway.functions.lastDeployment.service());
        assertEquals(Map.of(), gateway.functions.lastDeployment.labels());
        assertTrue(gateway.functions.lastDeployment.secrets().isEmpty());
    }

    @Test
    void deployOfAnExistingFunctionIs409() throws Exception {
        gateway.functions.add("echo", "openfaas-fn");
        assertEquals(409, gateway.send("POST", "/system/functions", "{\"service\":\"echo\",\"image\":\"i\"}").statusCode());
    }

    @Test
    void deployWithoutServiceIs400NamingTheField() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/system/functions", "{\"image\":\"img\"}");
        assertEquals(400, response.statusCode());
        assertEquals("service is required\n", response.body());
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void malformedJsonIs400WithItsLocation() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/system/functions", "{\"service\": echo}");
        assertEquals(400, response.statusCode());
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().startsWith("invalid JSON at line 1, column 13: "), response.body());
        assertTrue(response.body().endsWith("\n"));
        assertEquals(1, response.body().split("\n").length);
    }

    @Test
    void wrongTypeIs400NamingTheField() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/system/scale-function/echo", "{\"replicas\":\"many\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("(field replicas)"), response.body());
    }

    @Test
    void emptyBodyIs400() throws Exception {
        HttpResponse<String> response = gateway.send("PUT", "/system/functions", "");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("request body is empty"), response.body());
    }

    @Test
    void updateOfAnAbsentFunctionIs404() throws Exception {
        HttpResponse<String> response = gateway.send("PUT", "/system/functions", "{\"service\":\"echo\",\"image\":\"i\"}");
        assertEquals(404, response.statusCode());
    }

    @Test
    void updateIs202() throws Exception {
        gateway.functions.add("echo", "openfaas-fn");
        assertEquals(202, gateway.send("PUT", "/system/functions", "{\"service\":\"echo\",\"image\":\"i2\"}").statusCode());
        assertEquals("i2", gateway.functions.lastDeployment.image());
    }

    @Test
    void deleteByBody() throws Exception {
        gateway.functions.add("echo", "team");
        HttpResponse<String> response = gateway.send("DELETE", "/system/functions",
                "{\"functionName\":\"echo\",\"namespace\":\"team\"}");
        assertEquals(202, response.statusCode());
        assertEquals(new FunctionRef("echo", "team"), gateway.functions.lastRef);
    }

    @Test
    void deleteNamespaceFromTheQueryWins() throws Exception {
        gateway.functions.add("echo", "team");
        assertEquals(202, gateway.send("DELETE", "/system/functions?namespace=team",
                "{\"functionName\":\"echo\",\"namespace\":\"other\"}").statusCode());
        assertEquals(new FunctionRef("echo", "team"), gateway.functions.lastRef);
    }

    @Test
    void deleteOfAnAbsentFunctionIs404() throws Exception {
        assertEquals(404, gateway.send("DELETE", "/system/functions", "{\"functionName\":\"nope\"}").statusCode());
    }

    @Test
    void deleteWithoutFunctionNameIs400() throws Exception {
        HttpResponse<String> response = gateway.send("DELETE", "/system/functions", "{\"namespace\":\"x\"}");
        assertEquals(400, response.statusCode());
        assertEquals("functionName is required\n", response.body());
    }

    @Test
    void scaleIs202WithNamespaceFromTheQuery() throws Exception {
        gateway.functions.add("echo", "team");
        HttpResponse<String> response = gateway.send("POST", "/system/scale-function/echo?namespace=team",
                "{\"serviceName\":\"ignored\",\"replicas\":3}");
        assertEquals(202, response.statusCode());
        assertEquals(new FunctionRef("echo", "team"), gateway.functions.lastRef);
        assertEquals(3, gateway.functions.lastReplicas);
    }

    @Test
    void scaleWithoutReplicasIs400() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/system/scale-function/echo", "{\"serviceName\":\"echo\"}");
        assertEquals(400, response.statusCode());
        assertEquals("replicas is required\n", response.body());
    }

    @Test
    void scaleOfAnAbsentFunctionIs404() throws Exception {
        assertEquals(404, gateway.send("POST", "/system/scale-function/nope", "{\"replicas\":1}").statusCode());
    }

    @Test
    void systemBodyOverTheLimitIs413() throws Exception {
        String big = "{\"service\":\"echo\",\"image\":\"" + "x".repeat((int) TestGateway.MAX_SYSTEM_BODY) + "\"}";
        HttpResponse<String> response = gateway.send("POST", "/system/functions", big);
        assertEquals(413, response.statusCode());
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void chunkedSystemBodyOverTheLimitIs413() throws Exception {
        byte[] big = ("{\"service\":\"echo\",\"image\":\"" + "x".repeat((int) TestGateway.MAX_SYSTEM_BODY) + "\"}").getBytes();
        HttpResponse<String> response = gateway.send(gateway.authed("/system/functions").POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertEquals(413, response.statusCode());
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void info() throws Exception {
        HttpResponse<String> response = gateway.get("/system/info");
        assertEquals(200, response.statusCode());
        JsonNode info = JSON.readTree(response.body());
        assertEquals("local", info.at("/provider/provider").asText());
        assertEquals("process", info.at("/provider/orchestration").asText());
        assertEquals("def", info.at("/version/sha").asText());
        assertEquals("msg", info.at("/version/commit_message").asText());
        assertEquals("amd64", info.get("arch").asText());
    }

    @Test
    void namespaces() throws Exception {
        HttpResponse<String> response = gateway.get("/system/namespaces");
        assertEquals(200, response.statusCode());
        assertEquals("[\"openfaas-fn\"]", response.body());
    }

    @Test
    void secretsLifecycleNeverReturnsValues() throws Exception {
        assertEquals(201, gateway.send("POST", "/system/secrets?provider=local",
                "{\"name\":\"api-key\",\"value\":\"s3cr3t\"}").statusCode());
        assertEquals("local", gateway.functions.lastProvider);
        Secret stored = gateway.functions.secrets.get("api-key");
        assertEquals("s3cr3t", stored.value());
        assertEquals("openfaas-fn", stored.namespace());

        HttpResponse<String> list = gateway.get("/system/secrets?namespace=openfaas-fn");
        assertEquals(200, list.statusCode());
        assertEquals("[{\"name\":\"api-key\",\"namespace\":\"openfaas-fn\"}]", list.body());
        assertNull(gateway.functions.lastProvider, "no ?provider= means the default provider");

        assertEquals(202, gateway.send("PUT", "/system/secrets", "{\"name\":\"api-key\",\"rawValue\":\"aGk=\"}").statusCode());
        assertEquals("hi", new String(gateway.functions.secrets.get("api-key").bytes()));
        assertEquals(202, gateway.send("DELETE", "/system/secrets", "{\"name\":\"api-key\"}").statusCode());
        assertEquals(404, gateway.send("DELETE", "/system/secrets", "{\"name\":\"api-key\"}").statusCode());
    }

    @Test
    void secretConflictIs409AndMissingNameIs400() throws Exception {
        gateway.functions.secrets.put("a", new Secret("a", "openfaas-fn", "v", null));
        assertEquals(409, gateway.send("POST", "/system/secrets", "{\"name\":\"a\",\"value\":\"v\"}").statusCode());
        HttpResponse<String> missing = gateway.send("POST", "/system/secrets", "{\"value\":\"v\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("name is required\n", missing.body());
    }

    @Test
    void unsupportedFeatureIs501() throws Exception {
        gateway.functions.failure = () -> new UnsupportedFeatureException("provider swarm does not offer secrets");
        HttpResponse<String> response = gateway.get("/system/secrets");
        assertEquals(501, response.statusCode());
        assertEquals("provider swarm does not offer secrets\n", response.body());
    }

    @Test
    void providerFailureIs500WithItsMessage() throws Exception {
        gateway.functions.failure = () -> new FunctionProviderException("provider local: cannot start process: no such file");
        HttpResponse<String> response = gateway.send("POST", "/system/functions", "{\"service\":\"echo\"}");
        assertEquals(500, response.statusCode());
        assertEquals("provider local: cannot start process: no such file\n", response.body());
    }

    @Test
    void unexpectedFailureIs500InternalError() throws Exception {
        gateway.functions.failure = () -> new IllegalStateException("secret detail\nline two");
        HttpResponse<String> response = gateway.get("/system/functions");
        assertEquals(500, response.statusCode());
        assertEquals("internal error\n", response.body());
    }

    @Test
    void invalidRequestIs400() throws Exception {
        gateway.functions.failure = () -> new io.faaskar.api.provider.InvalidRequestException("name must be DNS-1123");
        HttpResponse<String> response = gateway.send("POST", "/system/functions", "{\"service\":\"Bad_Name\"}");
        assertEquals(400, response.statusCode());
        assertEquals("name must be DNS-1123\n", response.body());
    }
}
