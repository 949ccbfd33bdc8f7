package io.faaskar.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * Every integration test class, run by surefire as one suite so that the PerSuite reactor boots the
 * faaskar distribution once for all of them (surefire forks a JVM per test class otherwise).
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({ GatewayIT.class, ShellIT.class, HotInstallIT.class })
public class FaaskarIntegrationSuite {
}
