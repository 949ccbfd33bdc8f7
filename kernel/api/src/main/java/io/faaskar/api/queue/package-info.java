/**
 * The InvocationQueue SPI: queues that hold asynchronous invocations until they are dispatched.
 */
@Export
@Version("1.0.0")
package io.faaskar.api.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
