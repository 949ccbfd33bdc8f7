package io.faaskar.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The faas:* shell commands against the local provider, as an operator would type them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellIT extends FaaskarTestSupport {

    @Test
    public void providersListsTheLocalProvider() {
        awaitKernel();
        String providers = faas("faas:providers");
        assertTrue(providers, providers.contains("local"));
    }

    @Test
    public void functionLifecycleInTheShell() throws Exception {
        awaitKernel();
        String name = uniqueName("shell");

        faas("faas:deploy --name " + name + " --fprocess cat");
        await(name + " listed").atMost(READY_TIMEOUT).until(() -> faas("faas:list").contains(name));
        awaitAvailableReplicas(name, 1);

        String answer = faas("faas:invoke " + name + " hello");
        assertTrue(answer, answer.contains("hello"));

        String description = faas("faas:describe " + name);
        assertTrue(description, description.contains(name));
        assertTrue(description, description.contains("cat"));

        faas("faas:scale " + name + " 2");
        awaitAvailableReplicas(name, 2);

        // The watchdog logs "Forking fprocess." for each request it forks a process for. (Karaf wants options before arguments.)
        await(name + " logs").atMost(Duration.ofSeconds(30))
                .until(() -> faas("faas:logs --tail 5 " + name).contains("Forking fprocess."));

        faas("faas:remove " + name);
        await(name + " removed").atMost(READY_TIMEOUT).until(() -> !faas("faas:list").contains(name));
        assertFalse(faas("faas:list -q").contains(name));
    }

    @Test
    public void listPrintsJson() throws Exception {
        awaitKernel();
        String name = uniqueName("json");
        faas("faas:deploy --name " + name + " --fprocess cat");
        try {
            JsonNode functions = JSON.readTree(faas("faas:list --json"));
            assertTrue(functions.toString(), functions.isArray());
            boolean found = false;
            for (JsonNode function : functions) {
                found |= name.equals(function.path("name").asText());
            }
            assertTrue(name + " in " + functions, found);
        } finally {
            faas("faas:remove " + name);
        }
    }
}
