package io.faaskar.api.store;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** A catalogue of ready functions in the OpenFaaS store format, published by a store plugin. */
@ConsumerType
public interface FunctionStore {

    String name();

    List<StoreFunction> functions();
}
