package io.faaskar.gateway.internal;

import java.lang.annotation.Annotation;

/** A {@link GatewayComponent.Config} as SCR would build it from a configuration. */
record TestConfig(String host, int port, int metricsPort, boolean authEnabled) implements GatewayComponent.Config {

    static TestConfig of(int port, int metricsPort) {
        return new TestConfig("127.0.0.1", port, metricsPort, true);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return GatewayComponent.Config.class;
    }

    @Override
    public long maxSystemBodyBytes() {
        return 1024 * 1024;
    }

    @Override
    public long maxFunctionBodyBytes() {
        return 64L * 1024 * 1024;
    }

    @Override
    public int readTimeout() {
        return 60;
    }

    @Override
    public int writeTimeout() {
        return 60;
    }
}
