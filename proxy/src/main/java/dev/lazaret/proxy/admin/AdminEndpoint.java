package dev.lazaret.proxy.admin;

/**
 * One admin route's handler. Runs on a virtual thread of its own, so it may block (store reads,
 * upstream calls); a thrown exception becomes a 500 with a generic message.
 */
@FunctionalInterface
public interface AdminEndpoint {

  /** Answers {@code request}. */
  AdminResponse handle(AdminRequest request) throws Exception;
}
