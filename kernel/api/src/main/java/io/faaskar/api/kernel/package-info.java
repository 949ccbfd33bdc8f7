/**
 * Services the kernel offers to its faces (gateway, shell, UI) and to plugins.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.kernel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
