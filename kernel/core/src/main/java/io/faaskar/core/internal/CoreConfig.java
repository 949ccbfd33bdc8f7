package io.faaskar.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The kernel's configuration, PID {@value #PID} ({@code etc/io.faaskar.core.cfg}). One definition
 * shared by every core component, so operators edit one file; each component reads the keys it needs.
 */
@ObjectClassDefinition(id = CoreConfig.PID, name = "faaskar kernel core",
        description = "Provider routing, function registry, invoker and admin account of the faaskar kernel")
public @interface CoreConfig {

    String PID = "io.faaskar.core";

    @AttributeDefinition(description = "Provider that receives deployments without a com.faaskar.provider annotation")
    String defaultProvider() default "local";

    @AttributeDefinition(description = "Largest replica count a scale request may ask for")
    int maxReplicas() default 100;

    @AttributeDefinition(description = "How long an invocation may wait for a replica's response headers "
            + "(e.g. 60s, 500ms, 2m; a bare number means seconds); beyond it the caller gets 504")
    String invokeTimeout() default "60s";

    @AttributeDefinition(description = "How long connecting to a replica may take before another replica is tried")
    String connectTimeout() default "3s";

    @AttributeDefinition(description = "JAAS realm that holds the admin user guarding /system/*")
    String realm() default "karaf";

    @AttributeDefinition(description = "Role the admin user must have in the realm")
    String requiredRole() default "admin";

    @AttributeDefinition(description = "How long a successful admin login is remembered, so /system/* calls "
            + "need not run a JAAS login each")
    String authCacheTtl() default "30s";
}
