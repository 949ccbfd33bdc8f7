/**
 * The LanguageTemplate SPI: language templates for new functions and their build recipes.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.template;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
