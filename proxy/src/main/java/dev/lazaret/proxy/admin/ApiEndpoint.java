package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.admin.auth.Caller;

/**
 * One analyst API route's handler, called once the caller is known and has the role the route
 * needs. An {@link ApiException} becomes its status with {@code {"error": message}}.
 */
@FunctionalInterface
public interface ApiEndpoint {

  /** Answers {@code request} from {@code caller}. */
  AdminResponse handle(AdminRequest request, Caller caller) throws Exception;
}
