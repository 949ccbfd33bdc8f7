/**
 * The ScalingPolicy SPI: how many replicas a function should have, given its recent metrics.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.scaling;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
