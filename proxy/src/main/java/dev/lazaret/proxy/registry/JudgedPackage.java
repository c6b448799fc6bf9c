package dev.lazaret.proxy.registry;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.proxy.npm.PackumentIndex;

/**
 * A package as the policy currently judges it, for explanations: the parsed index, the upstream
 * document (full packument JSON, host-neutral) and the verdict on every version.
 *
 * @param index    the parsed packument
 * @param document the upstream's full packument as stored
 * @param verdict  the current verdict on every version
 */
public record JudgedPackage(PackumentIndex index, byte[] document, PackageVerdict verdict) {
}
