package io.faaskar.gateway.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One gateway for all the tests of a class, its fakes reset before each test. */
abstract class SharedGatewayTest {

    protected static TestGateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = new TestGateway();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void resetFakes() {
        gateway.reset();
    }
}
