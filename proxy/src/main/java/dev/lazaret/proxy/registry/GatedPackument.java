package dev.lazaret.proxy.registry;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.proxy.npm.VisibleVersions;

/**
 * A snapshot after the policy has judged it: the one place where what clients may see is decided.
 *
 * @param snapshot the upstream document
 * @param verdict  the policy's verdict on every version
 * @param visible  the versions and dist-tags clients see
 * @param epoch    the policy state (analyst decisions, rules) the verdict was made under
 */
record GatedPackument(PackumentSnapshot snapshot, PackageVerdict verdict, VisibleVersions visible,
    long epoch) {}
