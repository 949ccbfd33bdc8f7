package io.faaskar.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A provider bundle installed into the running distribution joins the kernel at once and leaves it
 * cleanly when uninstalled, while a function of the local provider keeps answering throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HotInstallIT extends FaaskarTestSupport {

    private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");

    @Test
    public void providerBundleJoinsAndLeavesAtRuntime() throws Exception {
        awaitKernel();
        String local = uniqueName("steady");
        assertEquals(202, deployOverHttp(local, "cat", null));
        awaitAvailableReplicas(local, 1);
        assertEquals("ping", invoke(local, "ping").body());

        try (Invoker steady = new Invoker(local)) {
            String installed = executeCommand("bundle:install -s " + System.getProperty(PLUGIN_URL), admin());
            Matcher id = BUNDLE_ID.matcher(installed);
            assertTrue(installed, id.find());

            await("memory provider registered").atMost(READY_TIMEOUT)
                    .until(() -> faas("faas:providers").contains("memory") && infoProviders().contains("memory"));

            String inMemory = uniqueName("mem");
            assertEquals(202, deployOverHttp(inMemory, "cat", "memory"));
            await(inMemory + " listed").atMost(READY_TIMEOUT).until(() -> listed(inMemory));
            assertTrue(faas("faas:list").contains(inMemory));

            executeCommand("bundle:uninstall " + id.group(1), admin());
            await("memory provider gone").atMost(READY_TIMEOUT)
                    .until(() -> !faas("faas:providers").contains("memory") && !infoProviders().contains("memory"));
            assertFalse("functions of a removed provider are not listed", listed(inMemory));
            assertTrue(faas("faas:providers").contains("local"));

            assertEquals("ping", invoke(local, "ping").body());
            steady.assertAllAnswered();
        } finally {
            delete(gateway() + "/system/functions", "{\"functionName\":\"" + local + "\"}", true);
        }
    }

    /** The provider names of {@code GET /system/info}'s {@code providers}. */
    private List<String> infoProviders() throws Exception {
        HttpResponse<String> info = get(gateway() + "/system/info", true);
        assertEquals(info.body(), 200, info.statusCode());
        List<String> names = new CopyOnWriteArrayList<>();
        for (JsonNode provider : JSON.readTree(info.body()).path("providers")) {
            names.add(provider.path("provider").asText());
        }
        return names;
    }

    private boolean listed(String name) throws Exception {
        HttpResponse<String> list = get(gateway() + "/system/functions", true);
        assertEquals(list.body(), 200, list.statusCode());
        for (JsonNode function : JSON.readTree(list.body())) {
            if (name.equals(function.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Invokes a function over and over on its own thread, remembering every answer that was not the echo. */
    private final class Invoker implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answered = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Invoker(String function) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = invoke(function, "ping");
                        if (r.statusCode() == 200 && "ping".equals(r.body())) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                        Thread.sleep(50); // steady traffic, not a load test
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "itests-invoker");
            thread.start();
        }

        void assertAllAnswered() throws InterruptedException {
            close();
            assertTrue("invocations during the hot install failed: " + failures, failures.isEmpty());
            assertTrue("the function was invoked during the hot install", answered.get() > 0);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }
}
