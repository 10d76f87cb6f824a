package io.bulwark.audit;

/** Where a target's facts come from: live probes, or a config file read as facts. */
public interface FactSource {

    Target target();

    Facts collect();
}
