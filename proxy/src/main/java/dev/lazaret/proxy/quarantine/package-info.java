/**
 * The proxy side of the quarantine: gathering evidence (publisher history, advisories) for the
 * pure engine in {@code dev.lazaret.policy}, keeping analyst decisions, and recording every hold
 * in the store so that it survives restarts and analysts can review it.
 */
package dev.lazaret.proxy.quarantine;
