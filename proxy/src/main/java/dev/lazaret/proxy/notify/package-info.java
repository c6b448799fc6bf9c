/**
 * Best-effort announcements of new holds and analyst decisions to webhooks: a bounded queue per
 * webhook, a virtual thread that delivers with retries, and nothing that can slow the caller.
 * The audit log, not this package, is the record of what happened.
 */
package dev.lazaret.proxy.notify;
