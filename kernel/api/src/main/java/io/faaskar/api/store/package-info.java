/**
 * The FunctionStore SPI: catalogues of ready-made functions in the OpenFaaS store format.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
