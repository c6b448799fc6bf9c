package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.OpsEndpoints;
import dev.lazaret.proxy.ops.RequestRecorder;

/**
 * What the registry port needs from the operations side.
 *
 * @param recorder        told about every finished request (metrics, access log)
 * @param endpoints       answers {@code /-/health}, {@code /-/ready} and {@code /metrics}
 * @param metricsEndpoint whether {@code /metrics} is served on the registry port too (it then
 *                        shadows a package named {@code metrics})
 * @param stats           counts what the registry port turns away (connections, slow heads,
 *                        bodies)
 */
public record ServerHooks(RequestRecorder recorder, OpsEndpoints endpoints,
    boolean metricsEndpoint, ListenerStats stats) {}
