/**
 * The FunctionProvider SPI: where and how functions run (local processes, Swarm, Kubernetes, Docker hosts).
 */
@Export
@Version("1.0.0")
package io.faaskar.api.provider;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
