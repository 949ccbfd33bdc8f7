package io.faaskar.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The OpenFaaS gateway API end to end: deploy, invoke, metrics, auth, scale, delete, with the local provider. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GatewayIT extends FaaskarTestSupport {

    private static final Pattern INVOCATION_TOTAL =
            Pattern.compile("(?m)^gateway_function_invocation_total\\{([^}]*)\\}\\s+(\\S+)");

    @Test
    public void functionLifecycleOverTheGatewayApi() throws Exception {
        awaitKernel();
        String name = uniqueName("echo");

        assertEquals("POST /system/functions", 202, deployOverHttp(name, "cat", null));
        awaitAvailableReplicas(name, 1);

        HttpResponse<String> plain = invoke(name, "hi");
        assertEquals(plain.body(), 200, plain.statusCode());
        assertEquals("hi", plain.body());
        HttpResponse<String> qualified = invoke(name + ".openfaas-fn", "hi");
        assertEquals(qualified.body(), 200, qualified.statusCode());
        assertEquals("hi", qualified.body());

        String qualifiedName = name + ".openfaas-fn";
        await("invocation counter of " + qualifiedName).atMost(Duration.ofSeconds(10))
                .until(() -> invocationTotal(get(gateway() + "/metrics", false).body(), qualifiedName, "200") >= 2);
        assertTrue("the metrics port serves the same counters",
                invocationTotal(get(metricsEndpoint(), false).body(), qualifiedName, "200") >= 2);

        assertEquals("unauthenticated GET /system/functions", 401, get(gateway() + "/system/functions", false).statusCode());
        HttpResponse<String> list = get(gateway() + "/system/functions", true);
        assertEquals(200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"" + name + "\""));

        HttpResponse<String> scale = post(gateway() + "/system/scale-function/" + name,
                "{\"serviceName\":\"" + name + "\",\"replicas\":2}", true);
        assertTrue("scale -> " + scale.statusCode() + " " + scale.body(), scale.statusCode() == 200 || scale.statusCode() == 202);
        awaitAvailableReplicas(name, 2);
        assertEquals("hi", invoke(name, "hi").body());

        HttpResponse<String> removed = delete(gateway() + "/system/functions", "{\"functionName\":\"" + name + "\"}", true);
        assertEquals(removed.body(), 202, removed.statusCode());
        await(name + " gone").atMost(READY_TIMEOUT)
                .until(() -> get(gateway() + "/system/function/" + name, true).statusCode() == 404);
        assertEquals(404, invoke(name, "hi").statusCode());
    }

    /**
     * The value of {@code gateway_function_invocation_total} for the function and code, whatever the label
     * order the metrics library writes; 0 when the series is absent.
     */
    static double invocationTotal(String metrics, String functionName, String code) {
        Matcher m = INVOCATION_TOTAL.matcher(metrics);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("function_name=\"" + functionName + "\"") && labels.contains("code=\"" + code + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
