/**
 * The faaskar model: OpenFaaS-compatible records, serialised by Jackson with the OpenFaaS JSON field names.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
